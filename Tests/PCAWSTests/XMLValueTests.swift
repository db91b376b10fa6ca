import PCAWS
import Testing

@Suite struct XMLValueTests {
    // MARK: Real-shaped replies

    @Test func ec2DescribeVpcsFromMoto() throws {
        let root = try XMLValue.parse(try ResponseFixtures.bytes("moto-ec2-describe-vpcs.xml"))
        #expect(root.name == "DescribeVpcsResponse")
        #expect(root.attributes.isEmpty, "xmlns declarations are dropped")
        let vpcs = root.list("vpcSet")
        #expect(vpcs.count == 1)
        #expect(vpcs.first?.string("vpcId") == "vpc-2af135bc3fccd1c2a")
        #expect(vpcs.first?.string("isDefault") == "true")
        #expect(vpcs.first?.list("cidrBlockAssociationSet").first?.string("cidrBlockState", "state") == "associated")
        #expect(vpcs.first?.list("tagSet") == [])
        #expect(root.string("requestId") == "request-id")
    }

    @Test func ec2DescribeVpcsInAWSShapeWithEntitiesCDATAAndComments() throws {
        let root = try XMLValue.parse(try ResponseFixtures.bytes("aws-ec2-describe-vpcs.xml"))
        let vpcs = root.list("vpcSet")
        #expect(vpcs.map { $0.string("vpcId") } == ["vpc-0a60eb65b4EXAMPLE", "vpc-06e4ab6c6cEXAMPLE"])
        #expect(vpcs.map { $0.string("isDefault") } == ["false", "true"])
        let tags = vpcs[0].list("tagSet")
        #expect(tags.map { $0.string("key") } == ["Name", "Owner"])
        #expect(tags[0].string("value") == "prisma & friends <prod>")
        #expect(tags[1].string("value") == "team <infra> & \"ops\"")
        #expect(root.string("requestId") == "7a62c49f-347e-4fc4-9331-6e8eEXAMPLE")
        #expect(root["vpcSet"]?.children.count == 2, "the comment is not an element")
    }

    @Test func iamGetRoleFromMoto() throws {
        let root = try XMLValue.parse(try ResponseFixtures.bytes("moto-iam-get-role.xml"))
        let role = try #require(root["GetRoleResult", "Role"])
        #expect(role.string("RoleName") == "ecsInstanceRole")
        #expect(role.string("Arn") == "arn:aws:iam::123456789012:role/ecsInstanceRole")
        #expect(role.string("MaxSessionDuration") == "3600")
        #expect(role.string("AssumeRolePolicyDocument")?.hasPrefix("%7B%22Version%22") == true)
        #expect(role.child("RoleLastUsed")?.children == [])
        #expect(root.string("ResponseMetadata", "RequestId") == "RBMEwjmsHtiW5BVUvaBR15NFxyExGg6fApVhpZ4raAJkeaFnIbYQ")
    }

    @Test func iamGetRoleInAWSShapeWithCharacterReferences() throws {
        let root = try XMLValue.parse(try ResponseFixtures.bytes("aws-iam-get-role.xml"))
        #expect(root.string("GetRoleResult", "Role", "Description") == "Lets EC2 \u{201C}read\u{201D} S3 \u{2014} and nothing else")
        #expect(root.string("GetRoleResult", "Role", "RoleLastUsed", "Region") == "us-east-1")
        let tags = root.list("GetRoleResult", "Role", "Tags")
        #expect(tags.map { "\($0.string("Key") ?? "")=\($0.string("Value") ?? "")" } == ["Department=Accounting"])
    }

    @Test func elbDescribeLoadBalancersFromMoto() throws {
        let root = try XMLValue.parse(try ResponseFixtures.bytes("moto-elb-describe-load-balancers.xml"))
        let balancers = root.list("DescribeLoadBalancersResult", "LoadBalancerDescriptions")
        #expect(balancers.count == 1)
        let lb = try #require(balancers.first)
        #expect(lb.string("DNSName") == "pc-ecs-lb.us-east-1.elb.amazonaws.com")
        #expect(lb.list("ListenerDescriptions").compactMap { $0.string("Listener", "LoadBalancerPort") } == ["8083", "8084"])
        #expect(lb.list("Subnets").map(\.text) == ["subnet-68c77ce94fb9f37f3", "subnet-a7ec342cccf8eb29c"])
        #expect(lb.list("SecurityGroups").map(\.text) == ["sg-7ef40315bda33f849"])
        #expect(lb.string("HealthCheck", "Target") == "HTTPS:8083/api/v1/_ping")
        #expect(lb.list("Instances").isEmpty)
        #expect(lb.list("NoSuchList").isEmpty)
    }

    @Test func errorBodies() throws {
        let ec2 = try XMLValue.parse(try ResponseFixtures.bytes("moto-ec2-error-invalid-group-not-found.xml"))
        #expect(ec2.string("Errors", "Error", "Code") == "InvalidGroup.NotFound")
        #expect(ec2.string("RequestID") == "request-id")
        let auth = try XMLValue.parse(try ResponseFixtures.bytes("moto-iam-error-signature-does-not-match.xml"))
        #expect(auth.string("Errors", "Error", "Code") == "SignatureDoesNotMatch")
    }

    // MARK: The reader itself

    @Test func namespacesPrefixesAndAttributes() throws {
        let root = try XMLValue.parse("""
            <a:Root xmlns:a="urn:x" xmlns="urn:y" a:kind='one' size="2 &amp; 3"><a:Child/><Child>t</Child></a:Root>
            """)
        #expect(root.name == "Root")
        #expect(root.attributes == ["kind": "one", "size": "2 & 3"])
        #expect(root.children("Child").count == 2)
        #expect(root.child("Child")?.text == "")
        #expect(root.children("Child").last?.text == "t")
    }

    @Test(arguments: [
        ("<v>&amp;&lt;&gt;&quot;&apos;</v>", "&<>\"'"),
        ("<v>&#65;&#x42;&#X43;&#233;&#x1F600;</v>", "ABCé😀"),
        ("<v><![CDATA[<not> &amp; a tag]]></v>", "<not> &amp; a tag"),
        ("<v>a<!-- skip -->b<?pi x?>c</v>", "abc"),
        ("<v>  spaced  </v>", "  spaced  "),
        ("\u{FEFF}<?xml version=\"1.0\"?>\n<!-- lead -->\n<v>x</v>\n", "x"),
        ("<v>é 中</v>", "é 中"),
    ])
    func text(xml: String, expected: String) throws {
        #expect(try XMLValue.parse(xml).text == expected)
    }

    @Test func stringPathsAndSubscripts() throws {
        let root = try XMLValue.parse("<r><a><b>1</b><b>2</b></a></r>")
        #expect(root["a", "b"]?.text == "1")
        #expect(root.string("a", "b") == "1")
        #expect(root.string("a", "c") == nil)
        #expect(root.string() == "")
        #expect(root["a"]?.children("b").map(\.text) == ["1", "2"])
        #expect(root.firstDescendant(named: "b")?.text == "1")
    }

    @Test(arguments: [
        ("", "no root element"),
        ("   ", "no root element"),
        ("<a>", "<a> is not closed"),
        ("<a></b>", "does not match <a>"),
        ("<a/><b/>", "a second root element"),
        ("text<a/>", "text before the root element"),
        ("<a/>text", "text after the root element"),
        ("<a>&bogus;</a>", "unknown entity &bogus;"),
        ("<a>&#0;</a>", "invalid character reference"),
        ("<a>&#xD800;</a>", "invalid character reference"),
        ("<a>&#;</a>", "invalid character reference"),
        ("<a>fish & chips</a>", "'&' that does not start an entity"),
        ("<a x=1/>", "attribute value must be quoted"),
        ("<a x=\"1\" x=\"2\"/>", "appears twice"),
        ("<a x=\"<\"/>", "'<' inside an attribute value"),
        ("<a><![CDATA[open</a>", "CDATA section is not closed"),
        ("<a><!-- open</a>", "comment is not closed"),
        ("<!DOCTYPE a [<!ENTITY x \"y\">]><a/>", "document type declarations are not supported"),
        ("</a>", "without a start tag"),
        ("<1a/>", "expected a name"),
        ("<a", "tag is not closed"),
    ])
    func malformedInputIsAClearError(xml: String, fragment: String) {
        #expect {
            _ = try XMLValue.parse(xml)
        } throws: { error in
            guard let error = error as? XMLParseError else { return false }
            return error.message.contains(fragment)
        }
    }

    @Test func errorsSayWhere() {
        do {
            _ = try XMLValue.parse("<a>\n  <b>\n  </c>\n</a>")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 3)
            #expect(error.column == 3)
            #expect(error.description == "XML on line 3, column 3: end tag </c> does not match <b>")
        }
    }

    @Test func hostileNestingIsRefusedWithoutExhaustingTheStack() {
        let depth = 200_000
        let xml = String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
        #expect {
            _ = try XMLValue.parse(xml)
        } throws: { error in
            (error as? XMLParseError)?.message.contains("nested more than 256 levels") == true
        }
    }

    @Test func nestingUpToTheLimitIsRead() throws {
        let depth = 256
        let xml = String(repeating: "<a>", count: depth) + "deep" + String(repeating: "</a>", count: depth)
        var element = try XMLValue.parse(xml)
        var levels = 1
        while let child = element.children.first {
            element = child
            levels += 1
        }
        #expect(levels == depth)
        #expect(element.text == "deep")
    }

    @Test func truncatedRepliesFailAtEveryCut() throws {
        let bytes = try ResponseFixtures.bytes("moto-elb-describe-load-balancers.xml")
        for cut in stride(from: 1, to: bytes.count - 1, by: 7) {
            #expect(throws: XMLParseError.self) { _ = try XMLValue.parse(Array(bytes[..<cut])) }
        }
    }
}
