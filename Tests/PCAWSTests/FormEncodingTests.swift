import PCAWS
import Testing

@Suite struct FormEncodingTests {
    /// Every rule of moto.md §4: what Python's `quote_plus` produces.
    @Test(arguments: [
        ("abcXYZ019", "abcXYZ019"),
        ("-_.~", "-_.~"),
        ("a b", "a+b"),
        ("/", "%2F"),
        (":", "%3A"),
        ("+", "%2B"),
        ("=", "%3D"),
        (",", "%2C"),
        ("{", "%7B"),
        ("}", "%7D"),
        ("\"", "%22"),
        ("&", "%26"),
        ("%", "%25"),
        ("*", "%2A"),
        ("!", "%21"),
        ("'", "%27"),
        ("(", "%28"),
        (")", "%29"),
        (";", "%3B"),
        ("@", "%40"),
        ("#", "%23"),
        ("$", "%24"),
        ("?", "%3F"),
        ("[", "%5B"),
        ("]", "%5D"),
        ("<>", "%3C%3E"),
        ("\\", "%5C"),
        ("|", "%7C"),
        ("^`", "%5E%60"),
        ("\n\t", "%0A%09"),
        ("é", "%C3%A9"),
        ("中", "%E4%B8%AD"),
        ("😀", "%F0%9F%98%80"),
        ("0.0.0.0/0", "0.0.0.0%2F0"),
        ("subnet-a,subnet-b", "subnet-a%2Csubnet-b"),
        ("Prisma Cloud ports", "Prisma+Cloud+ports"),
        ("HTTPS:8083/api/v1/_ping", "HTTPS%3A8083%2Fapi%2Fv1%2F_ping"),
        ("arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role",
         "arn%3Aaws%3Aiam%3A%3Aaws%3Apolicy%2Fservice-role%2FAmazonEC2ContainerServiceforEC2Role"),
        ("IyEvYmluL2Jhc2gK+/=", "IyEvYmluL2Jhc2gK%2B%2F%3D"),
        ("", ""),
    ])
    func formEscape(raw: String, encoded: String) {
        #expect(AWSFormEncoding.formEscape(raw) == encoded)
    }

    @Test func bodyKeepsParameterOrder() {
        let body = AWSFormEncoding.encode([
            ("Action", "AuthorizeSecurityGroupIngress"), ("Version", "2016-11-15"), ("GroupId", "sg-1"),
            ("IpPermissions.1.IpProtocol", "tcp"), ("IpPermissions.1.FromPort", "8083"),
            ("IpPermissions.1.IpRanges.1.CidrIp", "0.0.0.0/0"),
        ])
        #expect(body == "Action=AuthorizeSecurityGroupIngress&Version=2016-11-15&GroupId=sg-1"
            + "&IpPermissions.1.IpProtocol=tcp&IpPermissions.1.FromPort=8083&IpPermissions.1.IpRanges.1.CidrIp=0.0.0.0%2F0")
    }

    @Test func policyDocumentAsMotoRecomputesIt() {
        let document = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#
        #expect(AWSFormEncoding.encode([("PolicyDocument", document)]) == "PolicyDocument="
            + "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C"
            + "%22Action%22%3A%22%2A%22%2C%22Resource%22%3A%22%2A%22%7D%5D%7D")
    }

    @Test func everyASCIIByteMatchesQuotePlus() {
        // quote_plus keeps letters, digits and "_.-~", turns space into "+",
        // and escapes the rest in uppercase hex.
        for byte in UInt8(0)...UInt8(127) {
            let character = String(UnicodeScalar(byte))
            let expected: String
            if (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || "_.-~".utf8.contains(byte)
            {
                expected = character
            } else if byte == 0x20 {
                expected = "+"
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                expected = "%" + (hex.count == 1 ? "0" + hex : hex)
            }
            #expect(AWSFormEncoding.formEscape(character) == expected, "byte \(byte)")
        }
    }

    @Test(arguments: [
        ("fs-0123abcd", "fs-0123abcd"),
        ("a b", "a%20b"),
        ("a+b", "a%2Bb"),
        ("a/b:c", "a%2Fb%3Ac"),
        ("~", "~"),
        ("é", "%C3%A9"),
    ])
    func uriEscape(raw: String, encoded: String) {
        #expect(AWSFormEncoding.uriEscape(raw) == encoded)
    }

    @Test func queryString() {
        #expect(AWSFormEncoding.queryString([("FileSystemId", "fs-1"), ("MaxItems", "10"), ("x y", "a/b")])
            == "FileSystemId=fs-1&MaxItems=10&x%20y=a%2Fb")
    }
}
