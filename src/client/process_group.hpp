#pragma once
// Process groups of command clients: counting what is still alive in one, so a run can wait
// until SIGKILL has really taken effect before it reports "no child left behind".
#include <sys/types.h>

namespace gwlint::client {

// Processes of group `pgid` that are alive (zombies waiting for a reaper do not count). -1 when
// /proc cannot be read.
int live_processes_in_group(pid_t pgid);

// Waits (polling every few ms, at most `max_wait_ms`) until no live process is left in the
// group; returns whether that happened. SIGKILL is delivered asynchronously, so a killed group
// can still show members for a moment.
bool wait_until_group_gone(pid_t pgid, int max_wait_ms);

}  // namespace gwlint::client
