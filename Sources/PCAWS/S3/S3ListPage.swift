/// One page of a ListObjectsV2 reply (`<ListBucketResult>`): the keys in
/// it and whether another page follows.
struct S3ListPage: Sendable, Equatable {
    var keys: [String]
    var isTruncated: Bool
    /// The token of the next page; S3 sends it only when `isTruncated`.
    var nextContinuationToken: String?

    init(keys: [String], isTruncated: Bool, nextContinuationToken: String?) {
        self.keys = keys
        self.isTruncated = isTruncated
        self.nextContinuationToken = nextContinuationToken
    }

    /// Reads the reply document; the reason it cannot, as a sentence.
    init(xml body: [UInt8]) throws(S3ListPageError) {
        let root: XMLValue
        do {
            root = try XMLValue.parse(body)
        } catch {
            throw S3ListPageError(reason: "the reply (\(body.count) bytes) is not valid XML: \(error.description)")
        }
        guard root.name == "ListBucketResult" else {
            throw S3ListPageError(reason: "the reply's root element is <\(root.name)>, not <ListBucketResult>")
        }
        var keys: [String] = []
        for entry in root.children("Contents") {
            guard let key = entry.string("Key"), !key.isEmpty else {
                throw S3ListPageError(reason: "a <Contents> entry has no <Key>")
            }
            keys.append(key)
        }
        let truncated = trimmed(root.string("IsTruncated") ?? "false")
        guard truncated == "true" || truncated == "false" else {
            throw S3ListPageError(reason: "<IsTruncated> is \"\(truncated)\", not true or false")
        }
        self.init(
            keys: keys, isTruncated: truncated == "true",
            nextContinuationToken: root.string("NextContinuationToken").map(trimmed))
    }
}

/// Why a ListObjectsV2 reply could not be read.
struct S3ListPageError: Error, Sendable {
    var reason: String
}

private func trimmed(_ text: String) -> String {
    var slice = Substring(text)
    while let first = slice.first, first.isWhitespace { slice.removeFirst() }
    while let last = slice.last, last.isWhitespace { slice.removeLast() }
    return String(slice)
}
