/// Where an S3 request goes: the bucket in the host name
/// (`https://{bucket}.s3.{region}.amazonaws.com/{key}`, virtual-hosted) or
/// in the path (`{endpoint}/{bucket}/{key}`, path-style).
///
/// Virtual-hosted addressing is what AWS recommends and the only style new
/// AWS features are promised for; it needs AWS's own endpoint and a bucket
/// name that is a valid host label. Path-style serves everything else: an
/// endpoint override (moto, MinIO, a VPC endpoint), `usePathStyle`, and
/// bucket names that cannot be in a host name or, with dots, would not
/// match the `*.s3.{region}.amazonaws.com` certificate.
public struct S3Addressing: Sendable, Equatable {
    public enum Style: String, Sendable, Equatable {
        case virtualHosted = "virtual-hosted"
        case path
    }

    /// Origin plus optional path prefix, without a trailing slash.
    public var endpoint: String
    /// True when `endpoint` is AWS's own for the region, the only case in
    /// which the bucket can move into the host name.
    public var isAWSEndpoint: Bool
    /// Path-style even on AWS's endpoint (Terraform's `use_path_style`).
    public var usePathStyle: Bool

    public init(endpoint: String, isAWSEndpoint: Bool, usePathStyle: Bool = false) {
        self.endpoint = endpoint
        self.isAWSEndpoint = isAWSEndpoint
        self.usePathStyle = usePathStyle
    }

    /// The addressing for a resolved endpoint: AWS's own when its URL is
    /// the one AWS gives S3 in `region` (any override, even one spelled
    /// like AWS's, is taken at its word only if it differs).
    public init(endpoint: AWSEndpoint, region: String, usePathStyle: Bool = false) {
        self.init(
            endpoint: endpoint.url, isAWSEndpoint: endpoint.url == AWSService.s3.defaultEndpoint(region: region),
            usePathStyle: usePathStyle)
    }

    /// How requests for `bucket` are addressed.
    public func style(for bucket: String) -> Style {
        guard isAWSEndpoint, !usePathStyle, S3Addressing.isVirtualHostable(bucket) else { return .path }
        return .virtualHosted
    }

    /// The origin (and path prefix) requests for `bucket` are sent to:
    /// the endpoint itself, or for virtual-hosted addressing the endpoint
    /// with the bucket as its first host label.
    public func base(for bucket: String) -> String {
        guard style(for: bucket) == .virtualHosted, let separator = endpoint.range(of: "://") else { return endpoint }
        return String(endpoint[..<separator.upperBound]) + bucket + "." + String(endpoint[separator.upperBound...])
    }

    /// The full, percent-encoded URL of the bucket (`key` nil) or of one of
    /// its objects, with `query` RFC 3986-encoded in the order given.
    public func url(bucket: String, key: String? = nil, query: [(String, String)] = []) -> String {
        var url = base(for: bucket)
        if style(for: bucket) == .path { url += "/" + S3Addressing.encodedPathSegment(bucket) }
        if let key {
            url += "/" + S3Addressing.encodedKey(key)
        } else if style(for: bucket) == .virtualHosted {
            url += "/"
        }
        if !query.isEmpty { url += "?" + AWSFormEncoding.queryString(query) }
        return url
    }

    // MARK: Names

    /// A key as it goes in the path: each `/`-separated segment RFC
    /// 3986-encoded (space `%20`, `+` `%2B`, `~` kept, UTF-8 bytes as
    /// `%XX`), the slashes kept, so `a b/ü+c` is `a%20b/%C3%BC%2Bc`. S3
    /// signs the path exactly as sent, so this is also the canonical URI.
    public static func encodedKey(_ key: String) -> String {
        key.split(separator: "/", omittingEmptySubsequences: false)
            .map { encodedPathSegment(String($0)) }
            .joined(separator: "/")
    }

    static func encodedPathSegment(_ segment: String) -> String {
        AWSFormEncoding.uriEscape(segment)
    }

    /// Whether `bucket` can be the first label of a host name under an
    /// HTTPS wildcard certificate: 3–63 lower-case letters, digits and
    /// hyphens, starting and ending with a letter or digit. Dotted names
    /// are valid buckets but would break the certificate match.
    public static func isVirtualHostable(_ bucket: String) -> Bool {
        let bytes = Array(bucket.utf8)
        guard (3...63).contains(bytes.count), let first = bytes.first, let last = bytes.last,
              isLowerAlphanumeric(first), isLowerAlphanumeric(last)
        else { return false }
        return bytes.allSatisfy { isLowerAlphanumeric($0) || $0 == UInt8(ascii: "-") }
    }

    /// Why `bucket` cannot name a bucket, or nil when it can. Legacy
    /// us-east-1 names (upper case, `_`, up to 255 characters) are allowed,
    /// since such buckets exist; they are addressed path-style.
    public static func problem(withBucket bucket: String) -> String? {
        if bucket.isEmpty { return "the S3 bucket name is empty" }
        if bucket.utf8.count > 255 { return "the S3 bucket name \"\(bucket.prefix(64))…\" is longer than 255 characters" }
        let allowed = bucket.utf8.allSatisfy { byte in
            isLowerAlphanumeric(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
        }
        if !allowed {
            return "the S3 bucket name \"\(bucket)\" may hold only letters, digits, '.', '-' and '_' "
                + "(write the bucket's name alone, without s3:// or a key)"
        }
        return nil
    }

    /// Why `key` cannot name an object pcplan writes, or nil when it can.
    /// `.` and `..` segments are refused because HTTP clients fold them
    /// out of the path before sending (the object would land elsewhere),
    /// and control characters because ListObjectsV2's XML cannot carry them.
    public static func problem(withKey key: String) -> String? {
        if key.isEmpty { return "the S3 object key is empty" }
        if key.utf8.count > 1024 { return "the S3 object key \"\(key.prefix(64))…\" is longer than 1024 bytes" }
        if key.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return "the S3 object key \"\(key.debugDescription.dropFirst().dropLast())\" contains a control character"
        }
        if key.split(separator: "/", omittingEmptySubsequences: false).contains(where: { $0 == "." || $0 == ".." }) {
            return "the S3 object key \"\(key)\" has a \".\" or \"..\" path segment, which HTTP clients remove from the path"
        }
        return nil
    }

    private static func isLowerAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
