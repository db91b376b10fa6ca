import Foundation

/// Dates as stored: integer milliseconds since 1970, UTC.
enum Timestamp {
    static func milliseconds(_ date: Date) -> Int64 {
        let value = (date.timeIntervalSince1970 * 1000).rounded()
        // Dates beyond what 64 bits of milliseconds hold do not occur in
        // practice; clamping keeps the conversion from trapping.
        return value >= 9.2e18 ? Int64.max : value <= -9.2e18 ? Int64.min : Int64(value)
    }

    static func date(_ milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }
}
