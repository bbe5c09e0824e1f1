// SPDX-License-Identifier: MIT
// The registry is a fixed array of slots, each a path and an atomic state, so that the
// signal handler reads it without a lock or an allocation (neither is async-signal-safe): a
// writer claims a free slot, copies the path in, then publishes it; the handler removes the
// published ones. A folder is removed with getdents64 and unlinkat, the system calls under
// readdir, whose buffer readdir would allocate.
#include "temporary_files.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <system_error>
#include <utility>

namespace policygraph::support {
namespace {

namespace fs = std::filesystem;

enum SlotState : int { free_slot = 0, filling = 1, file = 2, folder = 3 };

struct Slot {
  std::atomic<int> state{free_slot};
  char path[4096];
};

constexpr int slot_count = 32;
Slot slots[slot_count];

// Removes a folder of files (not of folders: our temporaries are flat).
void remove_flat_folder(const char* path) {
  const int fd = ::open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd >= 0) {
    alignas(alignof(struct dirent64)) char buffer[4096];
    for (;;) {
      const long got = ::syscall(SYS_getdents64, fd, buffer, sizeof buffer);
      if (got <= 0) break;
      for (long at = 0; at < got;) {
        const auto* entry = reinterpret_cast<const struct dirent64*>(buffer + at);
        at += entry->d_reclen;
        const char* name = entry->d_name;
        if (std::strcmp(name, ".") != 0 && std::strcmp(name, "..") != 0) ::unlinkat(fd, name, 0);
      }
    }
    ::close(fd);
  }
  ::rmdir(path);
}

extern "C" void remove_temporaries_and_end(int number) {
  const int saved = errno;
  for (const int kind : {file, folder})  // files first: one may be in a registered folder
    for (Slot& slot : slots)
      if (slot.state.load(std::memory_order_acquire) == kind) {
        if (kind == file)
          ::unlink(slot.path);
        else
          remove_flat_folder(slot.path);
      }
  errno = saved;
  // SA_RESETHAND has put the default action back; the signal, blocked while this handler
  // runs, ends the process as soon as it returns.
  ::raise(number);
}

bool writer_alive(pid_t pid) { return ::kill(pid, 0) == 0 || errno == EPERM; }

// What follows `.<target>.` in a temporary's name: `tmp-` or `old-`, an optional pid and a
// dash, then mkstemp's six letters or digits. Sets `pid` (0 for none) and `worded` (false
// for a bare `.<target>.XXXXXX`, as the cache's temporaries were once named).
bool parse_temporary_suffix(std::string_view rest, pid_t& pid, bool& worded) {
  pid = 0;
  worded = rest.starts_with("tmp-") || rest.starts_with("old-");
  if (worded) {
    rest.remove_prefix(4);
    if (const auto dash = rest.find('-'); dash != std::string_view::npos) {
      const std::string_view digits = rest.substr(0, dash);
      if (digits.empty() || digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string_view::npos)
        return false;
      pid = static_cast<pid_t>(std::stol(std::string(digits)));
      rest.remove_prefix(dash + 1);
    }
  }
  if (rest.size() != 6) return false;
  for (char c : rest)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
  return true;
}

}  // namespace

std::string temporary_pattern(const fs::path& target, std::string_view what) {
  const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
  return (folder /
          ("." + target.filename().string() + "." + std::string(what) + "-" + std::to_string(::getpid()) + "-XXXXXX"))
      .string();
}

void remove_stale_temporaries(const fs::path& target, bool bare_names) {
  const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
  const std::string prefix = "." + target.filename().string() + ".";
  const auto hour_ago = std::chrono::system_clock::now() - std::chrono::hours(1);
  std::error_code error;
  for (const fs::directory_entry& entry : fs::directory_iterator(folder, error)) {
    const std::string name = entry.path().filename().string();
    if (!name.starts_with(prefix)) continue;
    pid_t pid = 0;
    bool worded = false;
    if (!parse_temporary_suffix(std::string_view(name).substr(prefix.size()), pid, worded)) continue;
    if (!worded && !bare_names) continue;
    struct stat info {};
    if (::lstat(entry.path().c_str(), &info) != 0) continue;
    const bool old = std::chrono::system_clock::from_time_t(info.st_mtime) < hour_ago;
    if (!old && (pid == 0 || writer_alive(pid))) continue;
    std::error_code ignored;
    if (S_ISDIR(info.st_mode))
      fs::remove_all(entry.path(), ignored);
    else
      fs::remove(entry.path(), ignored);
  }
}

TemporaryRegistration::TemporaryRegistration(const fs::path& path, bool is_folder) {
  const std::string& text = path.native();
  if (text.size() >= sizeof Slot::path) return;
  for (int i = 0; i < slot_count; ++i) {
    int expected = free_slot;
    if (!slots[i].state.compare_exchange_strong(expected, filling, std::memory_order_acquire)) continue;
    std::memcpy(slots[i].path, text.c_str(), text.size() + 1);
    slots[i].state.store(is_folder ? folder : file, std::memory_order_release);
    slot_ = i;
    return;
  }
}

TemporaryRegistration::TemporaryRegistration(TemporaryRegistration&& other) noexcept
    : slot_(std::exchange(other.slot_, -1)) {}

TemporaryRegistration& TemporaryRegistration::operator=(TemporaryRegistration&& other) noexcept {
  if (this != &other) {
    release();
    slot_ = std::exchange(other.slot_, -1);
  }
  return *this;
}

void TemporaryRegistration::release() {
  if (slot_ < 0) return;
  slots[slot_].state.store(free_slot, std::memory_order_release);
  slot_ = -1;
}

void remove_temporaries_on_signals() {
  for (const int number : {SIGINT, SIGTERM, SIGHUP}) {
    struct sigaction old {};
    if (::sigaction(number, nullptr, &old) != 0 || old.sa_handler == SIG_IGN) continue;  // nohup, a background job
    struct sigaction action {};
    action.sa_handler = remove_temporaries_and_end;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESETHAND;
    ::sigaction(number, &action, nullptr);
  }
}

}  // namespace policygraph::support
