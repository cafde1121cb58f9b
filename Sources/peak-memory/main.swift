// peak-memory COMMAND [ARGUMENT …]: runs COMMAND, its output thrown away, and prints its exit
// status and its peak resident memory in bytes ("0 48234496"), as the kernel reports it when
// the child is reaped (wait4's ru_maxrss).
//
// The pathological tests' memory bound (RenderTests) runs `render` through this small process
// rather than spawning it from the test process itself: a spawned child's peak starts at the
// peak of the process that spawned it (the kernel carries it over at exec), so a child of a
// test process that has grown to hundreds of megabytes would report that much however little
// it used.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes `text` on standard error.
func complain(_ text: String) {
    var text = text
    text.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard let command = arguments.first else {
    complain("usage: peak-memory COMMAND [ARGUMENT …]\n")
    exit(2)
}
var actions = posix_spawn_file_actions_t()
posix_spawn_file_actions_init(&actions)
posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
let argv = arguments.map { strdup($0) } + [nil]
var pid = pid_t()
let spawned = posix_spawnp(&pid, command, &actions, nil, argv, environ)
guard spawned == 0 else {
    complain("peak-memory: cannot run \(command): \(String(cString: strerror(spawned)))\n")
    exit(127)
}
var status: Int32 = 0
var usage = rusage()
while wait4(pid, &status, 0, &usage) == -1 && errno == EINTR {}
#if os(Linux)
let bytes = usage.ru_maxrss * 1024  // kilobytes on Linux
#else
let bytes = usage.ru_maxrss  // bytes on macOS
#endif
let exitStatus = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
print("\(exitStatus) \(bytes)")
