import CCurl

/// libcurl's global set-up must run once, before the first easy handle, and is not itself safe to
/// call from two threads at once. A global `let` is initialised exactly once, atomically, on first use.
private let curlGlobalInitialisation: CURLcode = pc_curl_global_init_default()

/// The one owner of a libcurl easy handle and its error buffer.
///
/// The handle keeps its live connections between transfers, which is what makes reuse work. It may
/// move between threads but must only be used by one at a time: `CurlHandlePool` hands it out.
final class CurlEasyHandle {
    private let curl: UnsafeMutableRawPointer
    private let errorBuffer: UnsafeMutablePointer<CChar>

    init() throws(HTTPError) {
        guard curlGlobalInitialisation == CURLE_OK, let curl = curl_easy_init() else {
            throw HTTPError(
                kind: .other,
                message: "libcurl could not be initialised (out of memory, or its TLS library failed to load)",
                requestMayHaveBeenSent: false
            )
        }
        self.curl = curl
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
    }

    deinit {
        curl_easy_cleanup(curl)
        errorBuffer.deallocate()
    }

    func perform(_ request: HTTPRequest, options: HTTPClientOptions) throws(HTTPError) -> HTTPResponse {
        let host = request.hostForMessages
        errorBuffer[0] = 0
        let transfer = CurlTransfer()
        var headerList: UnsafeMutablePointer<curl_slist>?
        defer {
            // The handle goes back to the pool holding no options, so no pointer into this call's
            // transfer or header list outlives it and nothing leaks into the next request.
            // A reset keeps the live connections.
            curl_easy_reset(curl)
            curl_slist_free_all(headerList)
        }

        var setUp = configure(request, options, transfer: transfer)
        if setUp == CURLE_OK {
            setUp = makeHeaderList(request, into: &headerList)
                ? pc_curl_setopt_slist(curl, CURLOPT_HTTPHEADER, headerList)
                : CURLE_OUT_OF_MEMORY
        }
        if setUp == CURLE_OK { setUp = setMethodAndBody(request) }
        guard setUp == CURLE_OK else {
            throw failure(setUp, host: host, transfer: transfer, options: options)
        }

        let result = withExtendedLifetime(transfer) { curl_easy_perform(curl) }
        guard result == CURLE_OK else {
            throw failure(result, host: host, transfer: transfer, options: options)
        }
        guard transfer.headersComplete else {
            throw HTTPError(
                kind: .connectionLost,
                message: "the connection to \(host) closed in the middle of the response headers.",
                requestMayHaveBeenSent: true
            )
        }
        var status = 0
        _ = pc_curl_getinfo_long(curl, CURLINFO_RESPONSE_CODE, &status)
        return HTTPResponse(status: status, headers: transfer.headers, body: transfer.body)
    }

    private func configure(_ request: HTTPRequest, _ options: HTTPClientOptions, transfer: CurlTransfer) -> CURLcode {
        let context = Unmanaged.passUnretained(transfer).toOpaque()
        let settings: [() -> CURLcode] = [
            { pc_curl_setopt_pointer(self.curl, CURLOPT_ERRORBUFFER, self.errorBuffer) },
            { pc_curl_setopt_string(self.curl, CURLOPT_URL, request.url) },
            { pc_curl_setopt_string(self.curl, CURLOPT_PROTOCOLS_STR, "http,https") },
            // Without this libcurl times DNS lookups out with SIGALRM, which is process-wide.
            { pc_curl_setopt_long(self.curl, CURLOPT_NOSIGNAL, 1) },
            { pc_curl_setopt_long(self.curl, CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_1_1)) },
            { pc_curl_setopt_long(self.curl, CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(options.connectTimeout)) },
            { pc_curl_setopt_long(self.curl, CURLOPT_TIMEOUT_MS, Self.milliseconds(options.requestTimeout)) },
            // Both always set, "" meaning none: libcurl reads the environment only when they are unset.
            { pc_curl_setopt_string(self.curl, CURLOPT_PROXY, options.proxy.proxy(for: request.url) ?? "") },
            { pc_curl_setopt_string(self.curl, CURLOPT_NOPROXY, options.proxy.noProxy ?? "") },
            { pc_curl_setopt_long(self.curl, CURLOPT_SUPPRESS_CONNECT_HEADERS, 1) },
            { options.caBundlePath.map { pc_curl_setopt_string(self.curl, CURLOPT_CAINFO, $0) } ?? CURLE_OK },
            { options.userAgent.isEmpty ? CURLE_OK : pc_curl_setopt_string(self.curl, CURLOPT_USERAGENT, options.userAgent) },
            { pc_curl_setopt_write_function(self.curl, curlWriteBody) },
            { pc_curl_setopt_pointer(self.curl, CURLOPT_WRITEDATA, context) },
            { pc_curl_setopt_header_function(self.curl, curlWriteHeader) },
            { pc_curl_setopt_pointer(self.curl, CURLOPT_HEADERDATA, context) },
            { pc_curl_setopt_prereq_function(self.curl, curlAboutToSend) },
            { pc_curl_setopt_pointer(self.curl, CURLOPT_PREREQDATA, context) },
        ]
        for setting in settings {
            let code = setting()
            if code != CURLE_OK { return code }
        }
        return CURLE_OK
    }

    /// The request's headers as given, plus empty overrides for the headers libcurl would add on
    /// its own (`Expect: 100-continue` for large bodies, `Accept: */*`, a form `Content-Type` for
    /// POST): what is sent must be what was signed.
    private func makeHeaderList(_ request: HTTPRequest, into list: inout UnsafeMutablePointer<curl_slist>?) -> Bool {
        // "Name;" is libcurl's spelling for a header sent with an empty value; "Name:" removes one.
        var lines = request.headers.map { $0.value.isEmpty ? "\($0.name);" : "\($0.name): \($0.value)" }
        for automatic in ["Expect", "Accept", "Content-Type"] where request.header(automatic) == nil {
            lines.append("\(automatic):")
        }
        for line in lines {
            // On failure the list so far stays in `list`, which the caller frees.
            guard let longer = curl_slist_append(list, line) else { return false }
            list = longer
        }
        return true
    }

    /// POST, PUT and PATCH always carry a body (possibly empty, then `Content-Length: 0`), other
    /// methods only when given one. A body always goes with its Content-Length, never chunked.
    private func setMethodAndBody(_ request: HTTPRequest) -> CURLcode {
        let method = request.method
        if method == "HEAD" { return pc_curl_setopt_long(curl, CURLOPT_NOBODY, 1) }
        let hasBody = !request.body.isEmpty || method == "POST" || method == "PUT" || method == "PATCH"
        if method == "GET" && !hasBody { return pc_curl_setopt_long(curl, CURLOPT_HTTPGET, 1) }
        if hasBody {
            var code = pc_curl_setopt_offset(curl, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(request.body.count))
            guard code == CURLE_OK else { return code }
            // COPYPOSTFIELDS: libcurl keeps its own copy, so nothing has to outlive this call.
            code = request.body.withUnsafeBytes { bytes in
                guard let base = bytes.baseAddress else {
                    return pc_curl_setopt_string(curl, CURLOPT_COPYPOSTFIELDS, "")
                }
                return pc_curl_setopt_pointer(curl, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: base))
            }
            guard code == CURLE_OK else { return code }
        }
        // POSTFIELDS makes the request a POST; any other method is named explicitly.
        return method == "POST" ? CURLE_OK : pc_curl_setopt_string(curl, CURLOPT_CUSTOMREQUEST, method)
    }

    private func failure(_ code: CURLcode, host: String, transfer: CurlTransfer, options: HTTPClientOptions) -> HTTPError {
        let buffered = String(cString: errorBuffer)
        let detail = buffered.isEmpty ? String(cString: curl_easy_strerror(code)) : buffered
        var proxyStatus = 0
        _ = pc_curl_getinfo_long(curl, CURLINFO_HTTP_CONNECTCODE, &proxyStatus)
        if proxyStatus != 0 && !(200..<300).contains(proxyStatus) {
            return HTTPError(
                kind: .couldNotConnect,
                message: "the proxy refused to open a tunnel to \(host) (HTTP \(proxyStatus)): \(detail). "
                    + "Check the proxy settings (HTTPS_PROXY, NO_PROXY).",
                requestMayHaveBeenSent: false
            )
        }
        return HTTPError(curlCode: code, detail: detail, host: host, reachedServer: transfer.reachedServer, options: options)
    }

    /// libcurl takes 0 as "no limit", so anything positive is at least one millisecond.
    private static func milliseconds(_ seconds: Double) -> Int {
        guard seconds.isFinite, seconds > 0 else { return 0 }
        return max(1, Int(min(seconds * 1000, Double(Int32.max)).rounded()))
    }
}

private func transfer(_ context: UnsafeMutableRawPointer?) -> CurlTransfer? {
    context.map { Unmanaged<CurlTransfer>.fromOpaque($0).takeUnretainedValue() }
}

private func curlWriteBody(_ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?) -> Int {
    guard let transfer = transfer(context) else { return 0 }
    transfer.body.append(contentsOf: UnsafeRawBufferPointer(start: data, count: size * count))
    return size * count
}

private func curlWriteHeader(_ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?) -> Int {
    guard let transfer = transfer(context) else { return 0 }
    transfer.receiveHeaderLine(UnsafeRawBufferPointer(start: data, count: size * count))
    return size * count
}

private func curlAboutToSend(_ context: UnsafeMutableRawPointer?, _ remoteIP: UnsafeMutablePointer<CChar>?, _ localIP: UnsafeMutablePointer<CChar>?, _ remotePort: Int32, _ localPort: Int32) -> Int32 {
    transfer(context)?.reachedServer = true
    return Int32(CURL_PREREQFUNC_OK)
}
