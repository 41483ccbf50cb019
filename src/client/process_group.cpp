#include "client/process_group.hpp"

#include <dirent.h>

#include <chrono>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <thread>

namespace gwlint::client {

int live_processes_in_group(pid_t pgid) {
  DIR* proc = ::opendir("/proc");
  if (!proc) return -1;
  int count = 0;
  while (dirent* entry = ::readdir(proc)) {
    if (entry->d_name[0] < '0' || entry->d_name[0] > '9') continue;
    std::ifstream stat_file(std::string("/proc/") + entry->d_name + "/stat");
    std::string text((std::istreambuf_iterator<char>(stat_file)), std::istreambuf_iterator<char>());
    // /proc/PID/stat: "pid (comm) state ppid pgrp ..."; comm may hold spaces and parentheses.
    size_t paren = text.rfind(')');
    if (paren == std::string::npos || paren + 2 > text.size()) continue;
    std::istringstream rest(text.substr(paren + 2));
    char state = 0;
    long parent = 0, group = 0;
    rest >> state >> parent >> group;
    if (group == pgid && state != 'Z' && state != 'X') ++count;
  }
  ::closedir(proc);
  return count;
}

bool wait_until_group_gone(pid_t pgid, int max_wait_ms) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(max_wait_ms);
  while (true) {
    int live = live_processes_in_group(pgid);
    if (live <= 0) return live == 0;
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
}

}  // namespace gwlint::client
