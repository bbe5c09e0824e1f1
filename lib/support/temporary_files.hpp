// SPDX-License-Identifier: MIT
// The temporary files and folders a write keeps beside its target until it renames them
// into place (an export, the cache of parsed records), and what removes them when the write
// never ends: a signal handler for a run that is interrupted (SIGINT, SIGTERM, SIGHUP), and
// the next write to the same target for a run killed outright (SIGKILL, a crash, a power
// cut), which no handler sees.
//
// A temporary's name carries its writer's process id, `.<target>.<what>-<pid>-XXXXXX`, so that
// the next write can tell one whose writer is gone from one being written right now.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace policygraph::support {

/// `<folder>/.<target's name>.<what>-<pid>-XXXXXX`, beside `target`: a pattern for mkstemp
/// or mkdtemp.
std::string temporary_pattern(const std::filesystem::path& target, std::string_view what);

/// Removes the temporaries that earlier writes to `target` left: those named by
/// temporary_pattern (any `what`) whose process is gone or that are older than an hour, and,
/// older than an hour, those of versions that did not name the pid (`.<target>.tmp-XXXXXX`;
/// with `bare_names`, in a folder that is policygraph's own, `.<target>.XXXXXX` too). A
/// folder goes with what it holds. Nothing else is touched; what cannot be removed stays.
void remove_stale_temporaries(const std::filesystem::path& target, bool bare_names = false);

/// While it lives, a temporary file, or a folder of files (its files, then itself), that the
/// handler of remove_temporaries_on_signals removes. At most 32 at a time and paths of up to
/// 4095 bytes; past that a registration does nothing, and the next write cleans up instead.
class TemporaryRegistration {
 public:
  TemporaryRegistration() = default;
  TemporaryRegistration(const std::filesystem::path& path, bool folder);
  TemporaryRegistration(TemporaryRegistration&& other) noexcept;
  TemporaryRegistration& operator=(TemporaryRegistration&& other) noexcept;
  TemporaryRegistration(const TemporaryRegistration&) = delete;
  TemporaryRegistration& operator=(const TemporaryRegistration&) = delete;
  /// Forgets the path (does not remove it): it was renamed into place, or removed.
  ~TemporaryRegistration() { release(); }
  void release();

 private:
  int slot_ = -1;
};

/// Installs handlers of SIGINT, SIGTERM and SIGHUP (those the process does not ignore) that
/// remove every registered temporary, then end the process by the same signal, as it would
/// have ended without them. For a program's main (the command line), never a library's call:
/// a library leaves its caller's signals alone. The handler calls async-signal-safe
/// functions only.
void remove_temporaries_on_signals();

}  // namespace policygraph::support
