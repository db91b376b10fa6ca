import PCAWS

/// What the IAM resource types share: paged lists, and the retries IAM's
/// eventual consistency calls for (a role just created may not be visible
/// yet; a principal or role named in a request may not have propagated).
enum IAMRequests {
    /// IAM's "not found" code, for every kind of entity.
    static let notFound = "NoSuchEntity"

    /// Every entry of a paged IAM list (`IsTruncated` / `Marker`): the
    /// `member`s of `<Action>Result.<list>`.
    static func all(
        _ api: AWSClient, _ action: String, _ parameters: [(String, String)], list: String
    ) throws(AWSError) -> [XMLValue] {
        var entries: [XMLValue] = []
        var marker: String?
        repeat {
            var page = parameters
            if let marker { page.append(("Marker", marker)) }
            let reply = try api.query(.iam, action, page)
            let result = reply["\(action)Result"]
            entries += result?.list(list) ?? []
            // An empty or repeated marker ends the list as surely as none:
            // following it would ask for the same page for ever.
            let next = result?.bool("IsTruncated") == true ? result?.string("Marker") : nil
            marker = next.flatMap { $0.isEmpty || $0 == marker ? nil : $0 }
        } while marker != nil
        return entries
    }

    /// Polls `find` (nil: not visible yet) until it returns the object, for
    /// reads right after a create.
    static func waitUntilVisible<T>(
        _ what: String, timeout: Double, _ find: () throws(AWSError) -> T?
    ) throws(AWSError) -> T {
        try AWSWaiter.wait(for: what, timeout: timeout, interval: 1, find)
    }

    /// Runs `call` until it succeeds, retrying while it fails with a code in
    /// `codes` (and `matching` holds) for up to `timeout` seconds; then the
    /// last such error is thrown, so the user sees AWS's own reason.
    static func retrying(
        while codes: Set<String>, timeout: Double, interval: Double = 2,
        matching: (AWSError) -> Bool = { _ in true }, _ call: () throws(AWSError) -> Void
    ) throws(AWSError) {
        var last: AWSError?
        let waited = failure { () throws(AWSError) in
            _ = try AWSWaiter.wait(for: "a change to propagate", timeout: timeout, interval: interval) {
                () throws(AWSError) -> Bool? in
                guard let error = failure(of: call) else { return true }
                guard codes.contains(error.code), matching(error) else { throw error }
                last = error
                return nil
            }
        }
        guard let waited else { return }
        guard waited.code == "WaitTimeout", var last else { throw waited }
        last.message += " (still failing after retrying for \(Int(timeout)) s)"
        throw last
    }

    /// The error `call` throws, or nil when it succeeds.
    static func failure(of call: () throws(AWSError) -> Void) -> AWSError? {
        do {
            try call()
            return nil
        } catch {
            return error
        }
    }

    /// Runs `call`, treating IAM's "not found" as done: deleting or
    /// detaching what is already gone is not an error.
    static func ignoringNotFound(_ call: () throws(AWSError) -> Void) throws(AWSError) {
        do {
            try call()
        } catch where error.code == notFound {
            return
        }
    }
}
