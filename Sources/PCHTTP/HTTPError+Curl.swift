import CCurl

extension HTTPError.Kind {
    init(_ code: CURLcode) {
        switch code {
        case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            self = .couldNotConnect
        case CURLE_OPERATION_TIMEDOUT:
            self = .timedOut
        case CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE:
            self = .connectionLost
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM,
             CURLE_SSL_CIPHER, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_CRL_BADFILE, CURLE_SSL_ISSUER_ERROR,
             CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED, CURLE_SSL_ENGINE_INITFAILED,
             CURLE_SSL_SHUTDOWN_FAILED, CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS,
             CURLE_SSL_CLIENTCERT, CURLE_USE_SSL_FAILED:
            self = .tls
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL:
            self = .invalidRequest
        default:
            self = .other
        }
    }
}

extension HTTPError {
    /// `detail` is libcurl's error buffer (or its description of the code): it names hosts, ports
    /// and timings, never header or body content.
    init(curlCode code: CURLcode, detail: String, host: String, reachedServer: Bool, options: HTTPClientOptions) {
        let kind = Kind(code)
        let curlWords = "\(detail) (libcurl error \(code.rawValue))"
        let message: String
        switch kind {
        case .couldNotConnect:
            message = "could not connect to \(host): \(curlWords). "
                + "Check the endpoint URL, the network and the proxy settings (HTTPS_PROXY, NO_PROXY)."
        case .timedOut:
            message = "no complete answer from \(host) in time (connect timeout \(Self.seconds(options.connectTimeout)), "
                + "request timeout \(Self.seconds(options.requestTimeout))): \(curlWords)."
        case .connectionLost:
            message = "the connection to \(host) broke before the response was complete: \(curlWords)."
        case .tls:
            message = "TLS with \(host) failed: \(curlWords). Check the server's certificate and the CA bundle."
        case .invalidRequest:
            message = "cannot send the request to \(host): \(curlWords)."
        case .other:
            message = "the HTTP request to \(host) failed: \(curlWords)."
        }
        // A refused or unresolvable connection never carries the request, whatever the callback saw.
        self.init(kind: kind, message: message, requestMayHaveBeenSent: kind != .couldNotConnect && reachedServer)
    }

    private static func seconds(_ value: Double) -> String {
        guard value > 0 else { return "none" }
        return value == value.rounded() && value < 1e9 ? "\(Int(value)) s" : "\(value) s"
    }
}
