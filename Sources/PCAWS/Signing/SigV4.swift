import Foundation
import PCHTTP

/// AWS Signature Version 4 for requests signed in the `Authorization` header.
///
/// The request is signed exactly as it will be sent: its URL must already be
/// percent-encoded and its body final. Headers added later by libcurl
/// (`Expect`, `Accept`) or a proxy are not in the signature, and the headers
/// botocore never signs (`user-agent`, `expect`, `x-amzn-trace-id` and the
/// hop-by-hop ones such as `connection`) are left out even when present, so
/// moto's re-computation agrees.
public enum SigV4 {
    /// The SHA-256 of no bytes, the payload hash of every bodiless request.
    public static let emptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    /// Signs `request` in place: adds `X-Amz-Date`, `X-Amz-Security-Token`
    /// (when the credentials carry a token), `X-Amz-Content-Sha256` (when
    /// `signPayloadHash`), `Host` (from the URL, when absent) and
    /// `Authorization`. Signs `host`, `x-amz-*`, `content-type` and every
    /// other header present except `user-agent`, `expect` and
    /// `x-amzn-trace-id`.
    public static func sign(
        _ request: inout HTTPRequest,
        credentials: AWSCredentials,
        region: String,
        service: String,
        date: Date,
        signPayloadHash: Bool
    ) {
        request.headers = signature(
            method: request.method,
            url: request.url,
            headers: request.headers,
            body: request.body,
            credentials: credentials,
            region: region,
            service: service,
            date: date,
            signPayloadHash: signPayloadHash
        ).headers
    }

    /// Signs a request given as plain values and returns its final headers and
    /// the intermediate texts.
    ///
    /// Any `Authorization` and `X-Amz-Date` the caller set are replaced, and so
    /// are `X-Amz-Security-Token` (when the credentials carry a token) and
    /// `X-Amz-Content-Sha256` (when `signPayloadHash`). Without
    /// `signPayloadHash` a caller-set `X-Amz-Content-Sha256` (S3's
    /// `UNSIGNED-PAYLOAD`) is signed and used as the payload hash.
    public static func signature(
        method: String,
        url: String,
        headers: [HTTPHeader],
        body: [UInt8],
        credentials: AWSCredentials,
        region: String,
        service: String,
        date: Date,
        signPayloadHash: Bool
    ) -> SigV4Signature {
        let parts = SigV4URLParts(url)
        let timestamp = SigV4Timestamp(date)
        let token = credentials.sessionToken.flatMap { $0.isEmpty ? nil : $0 }

        var replaced: Set<String> = ["authorization", "x-amz-date"]
        if token != nil { replaced.insert("x-amz-security-token") }
        if signPayloadHash { replaced.insert("x-amz-content-sha256") }
        var final = headers.filter { !replaced.contains(lowercasedName($0.name)) }

        let payloadHash: String
        if !signPayloadHash, let callerHash = final.first(where: { lowercasedName($0.name) == "x-amz-content-sha256" }) {
            payloadHash = SigV4CanonicalRequest.collapsedWhitespace(callerHash.value)
        } else {
            payloadHash = AWSCrypto.hex(AWSCrypto.sha256(body))
        }

        if !final.contains(where: { lowercasedName($0.name) == "host" }) {
            final.append(.init("Host", parts.hostHeader))
        }
        final.append(.init("X-Amz-Date", timestamp.dateTime))
        if let token {
            final.append(.init("X-Amz-Security-Token", token))
        }
        if signPayloadHash {
            final.append(.init("X-Amz-Content-Sha256", payloadHash))
        }

        let canonical = SigV4CanonicalRequest(
            method: method,
            url: parts,
            headers: final.map { ($0.name, $0.value) },
            payloadHash: payloadHash,
            service: service
        )
        let canonicalText = canonical.text
        let scope = "\(timestamp.date)/\(region)/\(service)/aws4_request"
        let stringToSign = [
            "AWS4-HMAC-SHA256",
            timestamp.dateTime,
            scope,
            AWSCrypto.hex(AWSCrypto.sha256(canonicalText)),
        ].joined(separator: "\n")

        let key = signingKey(secretAccessKey: credentials.secretAccessKey, date: timestamp.date, region: region, service: service)
        let signature = AWSCrypto.hex(AWSCrypto.hmacSHA256(key: key, stringToSign))
        let authorization = "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyID)/\(scope), "
            + "SignedHeaders=\(canonical.signedHeaders), Signature=\(signature)"
        final.append(.init("Authorization", authorization))

        return SigV4Signature(
            headers: final,
            canonicalRequest: canonicalText,
            stringToSign: stringToSign,
            credentialScope: scope,
            signedHeaders: canonical.signedHeaders,
            signature: signature,
            authorization: authorization
        )
    }

    /// kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request").
    static func signingKey(secretAccessKey: String, date: String, region: String, service: String) -> [UInt8] {
        let dateKey = AWSCrypto.hmacSHA256(key: Array(("AWS4" + secretAccessKey).utf8), date)
        let regionKey = AWSCrypto.hmacSHA256(key: dateKey, region)
        let serviceKey = AWSCrypto.hmacSHA256(key: regionKey, service)
        return AWSCrypto.hmacSHA256(key: serviceKey, "aws4_request")
    }

    private static func lowercasedName(_ name: String) -> String {
        SigV4CanonicalRequest.asciiLowercased(SigV4CanonicalRequest.collapsedWhitespace(name))
    }
}
