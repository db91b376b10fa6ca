import PCLang
import Testing

@testable import PCAWS

/// Condition trees rendered into DynamoDB's expression language.
@Suite struct DynamoDBConditionTests {
    struct Case: Sendable, CustomStringConvertible {
        var condition: DynamoDBCondition
        var expression: String
        var names: [String: String]
        var values: [String: DynamoDBAttributeValue]
        var description: String { expression }
    }

    static let cases: [Case] = [
        Case(
            condition: .attributeNotExists("LockID"), expression: "attribute_not_exists(#n0)",
            names: ["#n0": "LockID"], values: [:]),
        Case(
            condition: .attributeExists("Status"), expression: "attribute_exists(#n0)",
            names: ["#n0": "Status"], values: [:]),
        Case(
            condition: .equals("Info", "{\"ID\":\"1\"}"), expression: "#n0 = :v0",
            names: ["#n0": "Info"], values: [":v0": "{\"ID\":\"1\"}"]),
        Case(
            condition: .compare("Serial", .less, 8), expression: "#n0 < :v0",
            names: ["#n0": "Serial"], values: [":v0": .number("8")]),
        Case(
            condition: .beginsWith("Path", "prod/"), expression: "begins_with(#n0, :v0)",
            names: ["#n0": "Path"], values: [":v0": "prod/"]),
        Case(
            condition: .contains("Tags", "team"), expression: "contains(#n0, :v0)",
            names: ["#n0": "Tags"], values: [":v0": "team"]),
        // The serial check of a journal write: new, or older than ours, and
        // the same lineage; the same name reuses its placeholder.
        Case(
            condition: .or(
                .attributeNotExists("Serial"),
                .and(.compare("Serial", .less, 8), .equals("Lineage", "abc"))),
            expression: "attribute_not_exists(#n0) OR (#n0 < :v0 AND #n1 = :v1)",
            names: ["#n0": "Serial", "#n1": "Lineage"], values: [":v0": .number("8"), ":v1": "abc"]),
        Case(
            condition: .not(.and(.attributeExists("A"), .compare("B", .notEqual, .null))),
            expression: "NOT (attribute_exists(#n0) AND #n1 <> :v0)",
            names: ["#n0": "A", "#n1": "B"], values: [":v0": .null]),
        Case(
            condition: .and(.compare("N", .greaterOrEqual, 1), .compare("N", .lessOrEqual, 9)),
            expression: "#n0 >= :v0 AND #n0 <= :v1",
            names: ["#n0": "N"], values: [":v0": 1, ":v1": 9]),
        Case(
            condition: .and(.compare("N", .greater, 1), .or(.attributeExists("A"), .attributeExists("B"))),
            expression: "#n0 > :v0 AND (attribute_exists(#n1) OR attribute_exists(#n2))",
            names: ["#n0": "N", "#n1": "A", "#n2": "B"], values: [":v0": 1]),
    ]

    @Test(arguments: cases) func rendersWithPlaceholders(_ testCase: Case) {
        let rendered = testCase.condition.rendered
        #expect(rendered.expression == testCase.expression)
        #expect(rendered.names == testCase.names)
        #expect(rendered.values == testCase.values)
    }

    @Test func addsOnlyTheMembersItUses() throws {
        var body: [String: Value] = ["TableName": .string("locks")]
        DynamoDBCondition.attributeNotExists("LockID").rendered.add(to: &body)
        #expect(try Value.object(body).jsonString()
            == ##"{"ConditionExpression":"attribute_not_exists(#n0)","ExpressionAttributeNames":{"#n0":"LockID"},"TableName":"locks"}"##)

        var withValue: [String: Value] = [:]
        DynamoDBCondition.equals("Info", "x").rendered.add(to: &withValue)
        #expect(try Value.object(withValue).jsonString()
            == ##"{"ConditionExpression":"#n0 = :v0","ExpressionAttributeNames":{"#n0":"Info"},"ExpressionAttributeValues":{":v0":{"S":"x"}}}"##)
    }
}
