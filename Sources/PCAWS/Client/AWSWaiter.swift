import Foundation

/// Polls until AWS reports the state a caller needs (a cluster ACTIVE, a
/// mount target available), for the places where AWS is eventually
/// consistent.
public enum AWSWaiter {
    /// Calls `check` at once and then every `interval` seconds until it
    /// returns a value, and returns that value. After `timeout` seconds
    /// (with one last check at the deadline) throws `WaitTimeout`. An error
    /// from `check` ends the wait at once.
    public static func wait<T>(
        for what: String, timeout: Double, interval: Double, _ check: () throws(AWSError) -> T?
    ) throws(AWSError) -> T {
        let start = Date()
        return try wait(
            for: what, timeout: timeout, interval: interval,
            now: { Date().timeIntervalSince(start) },
            sleep: { seconds in if seconds > 0 { Thread.sleep(forTimeInterval: seconds) } },
            check)
    }

    /// `wait(for:timeout:interval:_:)` on a given clock: `now` gives the
    /// seconds since some fixed start, `sleep` waits.
    public static func wait<T>(
        for what: String, timeout: Double, interval: Double,
        now: () -> Double, sleep: (Double) -> Void, _ check: () throws(AWSError) -> T?
    ) throws(AWSError) -> T {
        let deadline = now() + max(0, timeout)
        let interval = max(interval, 0.001)
        var checks = 0
        while true {
            checks += 1
            if let value = try check() { return value }
            let current = now()
            if current >= deadline { break }
            sleep(min(interval, deadline - current))
        }
        throw AWSError(
            code: "WaitTimeout",
            message: "not reached after \(seconds(timeout)) (checked \(checks) time\(checks == 1 ? "" : "s"), "
                + "every \(seconds(interval)))",
            service: "", operation: "waiting for \(what)")
    }

    private static func seconds(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e9 { return "\(Int(value)) s" }
        return "\((value * 1000).rounded() / 1000) s"
    }
}
