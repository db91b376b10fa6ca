import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Facts about processes on this host that decide whether a lock holder is
/// still alive.
enum HolderProcess {
    /// What `/proc/<pid>/stat` says about a process.
    struct Status: Equatable {
        /// Field 3: `R`, `S`, `Z` (a zombie: dead, not yet reaped)…
        var state: UInt8
        /// Field 22: when the process started, in clock ticks since boot.
        var startTime: Int64
    }

    /// The status of process `pid`, nil when it cannot be read (no such
    /// process, no procfs, a hidden process).
    static func status(pid: Int) -> Status? {
        guard pid > 0, pid <= Int(Int32.max) else { return nil }
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/stat") else { return nil }
        return parse(stat: data)
    }

    /// When process `pid` started (see `Status.startTime`).
    static func startTime(pid: Int) -> Int64? {
        status(pid: pid)?.startTime
    }

    /// Reads the text of `/proc/<pid>/stat`. The second field is the
    /// command name in parentheses and may itself hold spaces and
    /// parentheses, so fields are counted from the last `)`.
    static func parse<Bytes: BidirectionalCollection>(stat: Bytes) -> Status? where Bytes.Element == UInt8 {
        guard let close = stat.lastIndex(of: UInt8(ascii: ")")) else { return nil }
        let rest = stat[stat.index(after: close)...]
        // Field 3 onwards: field 22 is the 20th of these.
        let fields = rest.split(whereSeparator: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\n") })
        guard fields.count >= 20, let state = fields[fields.startIndex].first else { return nil }
        let startField = fields[fields.index(fields.startIndex, offsetBy: 19)]
        guard let startTime = Int64(String(decoding: startField, as: UTF8.self)) else { return nil }
        return Status(state: state, startTime: startTime)
    }

    /// Whether the process that took a lock is gone: no process has its pid,
    /// or one has but started at another time than the one recorded (the pid
    /// was reused). A process of another user still answers the signal probe
    /// (EPERM), so only "no such process" counts; a zombie counts too.
    /// With no start time recorded (locks of older pcplan versions, systems
    /// without procfs), any live process with the pid is taken for the
    /// holder.
    static func isGone(pid: Int, recordedStartTime: Int64?) -> Bool {
        guard pid > 0, pid <= Int(Int32.max) else { return true }
        if kill(pid_t(pid), 0) != 0, errno == ESRCH { return true }
        guard let current = status(pid: pid) else { return false }
        // A zombie still has its pid until its parent reaps it, but it
        // will never release the lock.
        if current.state == UInt8(ascii: "Z") || current.state == UInt8(ascii: "X") { return true }
        guard let recordedStartTime else { return false }
        return current.startTime != recordedStartTime
    }
}
