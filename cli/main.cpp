// SPDX-License-Identifier: MIT
#include <iostream>

int main() {
  std::cout << "policygraph\n";
  return 0;
}
