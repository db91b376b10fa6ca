/// What one transfer collects while libcurl runs. libcurl's callbacks reach it through their
/// user-data pointer, always on the thread that called `curl_easy_perform`.
final class CurlTransfer {
    private(set) var headers: [HTTPHeader] = []
    var body: [UInt8] = []
    /// Set when libcurl is about to send the request on an established connection. Until then
    /// nothing of the request can have reached the server.
    var reachedServer = false
    /// Whether the last response's header block ended with its blank line. libcurl accepts a
    /// connection closed in the middle of the headers as a complete response; we do not.
    private(set) var headersComplete = false

    /// One raw header line as libcurl delivers it, CRLF included.
    func receiveHeaderLine(_ bytes: UnsafeRawBufferPointer) {
        var line = String(decoding: bytes, as: UTF8.self)
        while let last = line.last, last == "\r\n" || last == "\n" || last == "\r" { line.removeLast() }
        if line.hasPrefix("HTTP/") {
            // A status line starts a new response: headers of interim ones (100 Continue) are dropped.
            headers = []
            headersComplete = false
            return
        }
        guard !line.isEmpty else {
            headersComplete = true
            return
        }
        if line.first == " " || line.first == "\t" {
            // Obsolete line folding continues the previous header's value.
            if !headers.isEmpty { headers[headers.count - 1].value += " " + line.trimmingSpaces }
            return
        }
        guard let colon = line.firstIndex(of: ":") else { return }
        let name = String(line[..<colon]).trimmingSpaces
        let value = String(line[line.index(after: colon)...]).trimmingSpaces
        headers.append(HTTPHeader(name, value))
    }
}
