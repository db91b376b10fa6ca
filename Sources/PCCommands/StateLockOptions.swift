import ArgumentParser
import PCDiagnostics

/// `-lock` and `-lock-timeout`, for the commands that change the state or
/// plan against it.
struct StateLockOptions: ParsableArguments {
    @Option(name: [.customLong("lock", withSingleDash: true), .customLong("lock")],
            help: "Hold the state lock while the command runs (default true).")
    var lock: TerraformBool = TerraformBool(true)

    @Option(name: [.customLong("lock-timeout", withSingleDash: true), .customLong("lock-timeout")],
            help: ArgumentHelp("How long to wait for the state lock, like 30s (default 0s).", valueName: "DURATION"))
    var lockTimeout: String = "0s"

    /// The operation to record in the lock, or nil with `-lock=false`.
    func operation(_ name: String) -> String? {
        lock.value ? name : nil
    }

    /// `-lock-timeout` in seconds, or nil after adding the diagnostic
    /// saying it is not a duration.
    func timeout(reportingTo diagnostics: inout [Diagnostic]) -> Double? {
        LockTimeout.seconds(lockTimeout, reportingTo: &diagnostics)
    }
}

/// `-lock-timeout` durations: `0s`, `30s`, `5m`, `1h`.
enum LockTimeout {
    static func seconds(_ text: String) -> Double? {
        let scales: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)]
        for (unit, scale) in scales where text.hasSuffix(unit) {
            if let value = Double(text.dropLast(unit.count)), value >= 0 { return value * scale }
        }
        return Double(text).flatMap { $0 >= 0 ? $0 : nil }
    }

    /// The seconds `text` stands for, or nil after adding the diagnostic
    /// saying it is not a duration.
    static func seconds(_ text: String, reportingTo diagnostics: inout [Diagnostic]) -> Double? {
        if let seconds = seconds(text) { return seconds }
        diagnostics.append(Diagnostic(
            code: .invalidAddress, summary: "Invalid -lock-timeout",
            detail: "-lock-timeout=\(text) is not a duration; write it like 30s or 2m."))
        return nil
    }
}
