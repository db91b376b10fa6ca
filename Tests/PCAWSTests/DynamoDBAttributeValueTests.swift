import PCLang
import Testing

@testable import PCAWS

/// DynamoDB's typed values against the wire JSON the service documents.
@Suite struct DynamoDBAttributeValueTests {
    struct WireCase: Sendable, CustomStringConvertible {
        var value: DynamoDBAttributeValue
        var json: String
        var description: String { json }
    }

    static let wireCases: [WireCase] = [
        WireCase(value: .string("prod/pcplan.state"), json: #"{"S":"prod/pcplan.state"}"#),
        WireCase(value: .string(""), json: #"{"S":""}"#),
        // Numbers travel as strings and keep every digit.
        WireCase(value: .number("42"), json: #"{"N":"42"}"#),
        WireCase(value: .number("-1.5E+3"), json: #"{"N":"-1.5E+3"}"#),
        WireCase(value: .number("12345678901234567890123456789012345678"), json: #"{"N":"12345678901234567890123456789012345678"}"#),
        WireCase(value: .binary(Array("hello".utf8)), json: #"{"B":"aGVsbG8="}"#),
        WireCase(value: .binary([0x00, 0xFF, 0x10]), json: #"{"B":"AP8Q"}"#),
        WireCase(value: .binary([]), json: #"{"B":""}"#),
        WireCase(value: .bool(true), json: #"{"BOOL":true}"#),
        WireCase(value: .bool(false), json: #"{"BOOL":false}"#),
        WireCase(value: .null, json: #"{"NULL":true}"#),
        WireCase(value: .stringSet(["b", "a", "c"]), json: #"{"SS":["a","b","c"]}"#),
        WireCase(value: .numberSet(["3", "10", "2"]), json: #"{"NS":["10","2","3"]}"#),
        WireCase(value: .binarySet([[1], [2]]), json: #"{"BS":["AQ==","Ag=="]}"#),
        WireCase(value: .list([]), json: #"{"L":[]}"#),
        WireCase(value: .map([:]), json: #"{"M":{}}"#),
        WireCase(
            value: .map([
                "serial": .number(7),
                "resources": .list([.map(["address": "aws_vpc.main", "tainted": false]), .null]),
                "tags": .stringSet(["team"]),
            ]),
            json: #"{"M":{"resources":{"L":[{"M":{"address":{"S":"aws_vpc.main"},"tainted":{"BOOL":false}}},{"NULL":true}]},"serial":{"N":"7"},"tags":{"SS":["team"]}}}"#),
    ]

    @Test(arguments: wireCases) func writesAndReadsTheWireJSON(_ testCase: WireCase) throws {
        #expect(try testCase.value.wireValue.jsonString() == testCase.json)
        let read = try DynamoDBAttributeValue(wire: try Value.fromJSON(testCase.json))
        #expect(read == testCase.value)
        #expect(try read.wireValue.jsonString() == testCase.json)
    }

    @Test func setsCompareWithoutOrderAsTheServiceKeepsNone() throws {
        let read = try DynamoDBAttributeValue(wire: try Value.fromJSON(#"{"SS":["z","a"]}"#))
        #expect(read == .stringSet(["a", "z"]))
        let binary = try DynamoDBAttributeValue(wire: try Value.fromJSON(#"{"BS":["Ag==","AQ=="]}"#))
        #expect(binary == .binarySet([[1], [2]]))
    }

    @Test func literalsAndAccessors() {
        let item: DynamoDBItem = ["LockID": "bucket/key", "Serial": 12, "Tainted": true]
        #expect(item["LockID"]?.stringValue == "bucket/key")
        #expect(item["Serial"] == .number("12"))
        #expect(item["Serial"]?.intValue == 12)
        #expect(item["Tainted"]?.boolValue == true)
        #expect(DynamoDBAttributeValue.number("1.5").intValue == nil)
        #expect(DynamoDBAttributeValue.number(-3).numberText == "-3")
        #expect(DynamoDBAttributeValue.binary([1]).binaryValue == [1])
        #expect(DynamoDBAttributeValue.null.isNull)
        #expect(DynamoDBAttributeValue.list(["a"]).listValue == ["a"])
        #expect(DynamoDBAttributeValue.map(["a": 1]).mapValue == ["a": 1])
        #expect(DynamoDBAttributeValue.string("x").intValue == nil)
        #expect(DynamoDBAttributeValue.stringSet([]).typeName == "SS")
    }

    @Test func itemsRoundTrip() throws {
        let item: DynamoDBItem = ["LockID": "b/k", "Info": "{}", "Blob": .binary([9, 8, 7])]
        let wire = DynamoDBAttributeValue.wireItem(item)
        #expect(try wire.jsonString() == #"{"Blob":{"B":"CQgH"},"Info":{"S":"{}"},"LockID":{"S":"b/k"}}"#)
        #expect(try DynamoDBAttributeValue.item(wire: wire) == item)
    }

    struct BadCase: Sendable, CustomStringConvertible {
        var json: String
        var path: String
        var fragment: String
        var description: String { json }
    }

    static let badCases: [BadCase] = [
        BadCase(json: #""text""#, path: "value", fragment: "expected an object"),
        BadCase(json: #"{}"#, path: "value", fragment: "found none"),
        BadCase(json: #"{"S":"a","N":"1"}"#, path: "value", fragment: "found N, S"),
        BadCase(json: #"{"X":"a"}"#, path: "value", fragment: "unknown attribute type \"X\""),
        BadCase(json: #"{"N":42}"#, path: "value.N", fragment: "expected a string, found a number"),
        BadCase(json: #"{"B":"not base64!"}"#, path: "value.B", fragment: "expected base64"),
        BadCase(json: #"{"BOOL":"yes"}"#, path: "value.BOOL", fragment: "true or false"),
        BadCase(json: #"{"NULL":false}"#, path: "value.NULL", fragment: "expected true"),
        BadCase(json: #"{"M":[]}"#, path: "value.M", fragment: "expected an object"),
        BadCase(json: #"{"L":{}}"#, path: "value.L", fragment: "expected an array"),
        BadCase(json: #"{"L":[{"S":"ok"},{"S":1}]}"#, path: "value.L[1].S", fragment: "expected a string"),
        BadCase(json: #"{"M":{"inner":{"SS":[1]}}}"#, path: "value.M.inner.SS[0]", fragment: "expected a string"),
    ]

    @Test(arguments: badCases) func rejectsMalformedWireValuesSayingWhere(_ testCase: BadCase) throws {
        let wire = try Value.fromJSON(testCase.json)
        #expect {
            _ = try DynamoDBAttributeValue(wire: wire)
        } throws: { error in
            guard let error = error as? DynamoDBAttributeValue.WireError else { return false }
            return error.path == testCase.path && error.message.contains(testCase.fragment)
        }
    }

    @Test func malformedItemErrorsNameTheAttributeButNotItsContent() throws {
        let wire = try Value.fromJSON(#"{"Secret":{"N":"s3cr3t","S":"x"}}"#)
        do {
            _ = try DynamoDBAttributeValue.item(wire: wire, path: "Item")
            Issue.record("a two-type attribute was accepted")
        } catch {
            #expect(error.path == "Item.Secret")
            #expect(!error.description.contains("s3cr3t"))
        }
    }
}
