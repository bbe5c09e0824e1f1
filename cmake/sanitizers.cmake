# SPDX-License-Identifier: MIT
# POLICYGRAPH_SANITIZE=address,undefined builds everything (tests included) with those sanitizers.
if(POLICYGRAPH_SANITIZE)
  add_compile_options(-fsanitize=${POLICYGRAPH_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=${POLICYGRAPH_SANITIZE})
endif()
