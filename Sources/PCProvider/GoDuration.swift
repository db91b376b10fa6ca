import Foundation

/// Durations written the way Go (and so Terraform) writes them, for
/// `time_sleep` and providers' timeouts.
public enum GoDuration {
    /// Go-style durations: `300ms`, `1.5h`, `2h45m`, `-1m` (negative is
    /// rejected here: nobody sleeps backwards).
    public static func seconds(parsing text: String) -> Double? {
        var total = 0.0
        var rest = Substring(text)
        guard !rest.isEmpty else { return nil }
        if rest == "0" { return 0 }
        while !rest.isEmpty {
            let number = rest.prefix { $0.isNumber || $0 == "." }
            guard !number.isEmpty, let value = Double(number) else { return nil }
            rest = rest.dropFirst(number.count)
            let unit = rest.prefix { !$0.isNumber && $0 != "." }
            rest = rest.dropFirst(unit.count)
            let scale: Double
            switch unit {
            case "ns": scale = 1e-9
            case "us", "µs": scale = 1e-6
            case "ms": scale = 1e-3
            case "s": scale = 1
            case "m": scale = 60
            case "h": scale = 3600
            default: return nil
            }
            total += value * scale
        }
        return total
    }
}
