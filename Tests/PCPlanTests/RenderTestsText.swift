import PCLang
import PCPlan
import Testing

@Suite("Rendering of values")
struct RenderTestsText {
    /// One attribute changing from `before` to `after`, rendered alone.
    static func line(_ before: Value, _ after: Value) -> String {
        let plan = Plan.renderTest(changes: [
            .renderTest("pcplan_data.x", .update, before: RV.obj(["v": before]), after: RV.obj(["v": after]))
        ])
        let text = PlanRenderer.terminal(plan, color: false)
        return text.split(separator: "\n").first { $0.contains(" v = ") }.map(String.init) ?? text
    }

    @Test("strings are quoted as Terraform quotes them (Go's %q)", arguments: [
        ("tab\there", #""tab\there""#), ("quote \" and \\", #""quote \" and \\""#), ("bell\u{7}", #""bell\a""#),
        ("zero\u{200B}width", #""zero\u200bwidth""#), ("ctl\u{1}", #""ctl\x01""#), ("café ✓", #""café ✓""#),
    ])
    func quoting(text: String, expected: String) {
        #expect(Self.line(RV.s("a"), RV.s(text)) == #"      ~ v = "a" -> "# + expected)
    }

    @Test("numbers keep every digit")
    func numbers() throws {
        let big = try #require(Value.fromJSON("123456789012345678901234567890.5").numberValue)
        #expect(Self.line(RV.n(1), .number(big)) == "      ~ v = 1 -> 123456789012345678901234567890.5")
    }

    @Test("a value nested too deep is shown as one line of JSON")
    func deepValue() {
        var value = RV.n(1)
        for _ in 0..<300 { value = RV.tuple([value]) }
        let line = Self.line(RV.s("a"), value)
        #expect(line.hasPrefix(#"      ~ v = "a" -> "[[[["#))
        var secret = RV.secret(RV.s("hidden"))
        for _ in 0..<300 { secret = RV.tuple([secret]) }
        #expect(Self.line(RV.s("a"), secret) == "      ~ v = (sensitive value)")
    }

    @Test("colour only when asked, with Terraform's escapes")
    func colour() {
        let plan = Plan.renderTest(changes: [.renderTest("pcplan_data.x", .create, after: RV.obj(["v": RV.s("a")]))])
        let plain = PlanRenderer.terminal(plan, color: false)
        let coloured = PlanRenderer.terminal(plan, color: true)
        #expect(!plain.contains("\u{1B}"))
        #expect(coloured.contains("  \u{1B}[32m+\u{1B}[0m\u{1B}[0m v = \"a\""))
        #expect(coloured.contains("\u{1B}[1m  # pcplan_data.x\u{1B}[0m will be created\n\u{1B}[0m"))
    }
}
