/// A failure of the test harness itself (moto or the fault proxy could not
/// be started, reached or controlled), worded for the person running the
/// tests: what went wrong and what to do.
struct HarnessError: Error, CustomStringConvertible, Sendable {
    var message: String

    init(_ message: String) {
        self.message = message
    }

    var description: String { message }
}
