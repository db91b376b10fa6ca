import PCLang
@testable import PCPlan
import Testing

@Suite struct PlanFileTests {
    static func number(_ text: String) -> Value {
        .number(Number(parsing: text)!)
    }

    /// A plan using every field, with unknowns, marks and typed nulls at
    /// several depths.
    static let fullPlan: Plan = {
        let objectType = ValueType.object(["a": .list(.string), "b": .set(.number), "c": .map(.bool), "d": .tuple([.string, .dynamic])])
        let deep = Value.object([
            "id": .unknown(.string),
            "secret": Value.string("p@ss\u{0}wörd ✓").marked(),
            "numbers": .list([number("1"), number("-0.001"), number("123456789012345678901234567890.5"), number("1e300")], element: .number),
            "set": .set([.string("b"), .string("a"), .unknown(.string), Value.string("s").marked()], element: .string),
            "map": Value.map(["x": .true, "y": .unknown(.bool), "z": .null(.bool)], element: .bool).marked(),
            "typed_null": .null(objectType),
            "typed_unknown": Value.unknown(.list(objectType)).marked(),
            "tuple": .tuple([.emptyString, .emptyObject, .emptyTuple, .null, .unknown]),
            "nested": .object(["level": .object(["level": .tuple([Value.unknown(.number).marked(), .false])])]),
            "empty_list": .list([], element: .string),
        ])
        let update = ResourceChange(
            address: "module.app[\"a\"].pcplan_data.this[0]", previousAddress: "module.app[\"a\"].pcplan_data.old[0]",
            moduleAddress: "module.app[\"a\"]", mode: .managed, type: "pcplan_data", name: "this", index: .number(0),
            provider: "provider[\"pcplan/pcplan\"].west", action: .deleteThenCreate, reason: .replaceBecauseCannotUpdate,
            before: .object(["id": .string("i-1"), "secret": Value.string("old").marked()]), after: deep,
            replacePaths: [ValuePath([.attribute("set"), .index(.number(2))]), ValuePath([.attribute("map"), .index(.string("x"))])],
            unknownReasons: ["id": "computed by the provider", "typed_unknown": "depends on pcplan_data.other.id"],
            jsonAttributes: ["policy", "document"], dependencies: ["pcplan_data.other", "module.net.pcplan_data.vpc"],
            configuration: .object(["secret": Value.string("p").marked(), "count": .number(3)]), deposedKey: "00ab12cd")
        let read = ResourceChange(
            address: "data.pcplan_data.d[\"k\"]", mode: .data, type: "pcplan_data", name: "d", index: .string("k"),
            provider: "provider[\"pcplan/pcplan\"]", action: .read, reason: .readBecauseConfigUnknown,
            before: .null, after: .unknown(.object(["id": .string])))
        let drift = ResourceChange(
            address: "pcplan_data.drifted", mode: .managed, type: "pcplan_data", name: "drifted",
            provider: "provider[\"pcplan/pcplan\"]", action: .update, before: .object(["v": .number(1)]),
            after: .object(["v": .number(2)]))
        return Plan(
            mode: .destroy, pcplanVersion: "0.4.0", stateLineage: "5f0c3a1e-lineage", stateSerial: 41,
            configurationDigest: String(repeating: "ab", count: 32), timestamp: "2026-03-04T05:06:07Z",
            variables: ["password": Value.string("hunter2").marked(), "regions": .list(strings: ["eu", "us"]), "n": .null(.number)],
            resourceChanges: [update, read], resourceDrift: [drift],
            outputChanges: [
                OutputChange(name: "url", action: .update, before: .string("a"), after: .unknown(.string), isSensitive: false),
                OutputChange(name: "key", action: .create, before: .null, after: Value.string("k").marked(), isSensitive: true),
            ],
            targets: ["module.app", "pcplan_data.x[\"é\"]"])
    }()

    static let minimalPlan = Plan(pcplanVersion: "0.4.0", stateLineage: nil, stateSerial: 0, configurationDigest: "", timestamp: "")

    // MARK: Equality of every field

    static func differences(_ a: Plan, _ b: Plan) -> [String] {
        var found: [String] = []
        func note(_ same: Bool, _ field: String) { if !same { found.append(field) } }
        note(a.mode == b.mode, "mode")
        note(a.pcplanVersion == b.pcplanVersion, "pcplanVersion")
        note(a.stateLineage == b.stateLineage, "stateLineage")
        note(a.stateSerial == b.stateSerial, "stateSerial")
        note(a.configurationDigest == b.configurationDigest, "configurationDigest")
        note(a.timestamp == b.timestamp, "timestamp")
        note(a.variables == b.variables, "variables")
        note(a.targets == b.targets, "targets")
        note(a.resourceChanges.count == b.resourceChanges.count, "resourceChanges.count")
        for (index, (x, y)) in zip(a.resourceChanges, b.resourceChanges).enumerated() {
            found += differences(x, y).map { "resourceChanges[\(index)].\($0)" }
        }
        note(a.resourceDrift.count == b.resourceDrift.count, "resourceDrift.count")
        for (index, (x, y)) in zip(a.resourceDrift, b.resourceDrift).enumerated() {
            found += differences(x, y).map { "resourceDrift[\(index)].\($0)" }
        }
        note(a.outputChanges.count == b.outputChanges.count, "outputChanges.count")
        for (index, (x, y)) in zip(a.outputChanges, b.outputChanges).enumerated() {
            note(x.name == y.name, "outputChanges[\(index)].name")
            note(x.action == y.action, "outputChanges[\(index)].action")
            note(x.before == y.before, "outputChanges[\(index)].before")
            note(x.after == y.after, "outputChanges[\(index)].after")
            note(x.isSensitive == y.isSensitive, "outputChanges[\(index)].isSensitive")
        }
        return found
    }

    static func differences(_ a: ResourceChange, _ b: ResourceChange) -> [String] {
        var found: [String] = []
        func note(_ same: Bool, _ field: String) { if !same { found.append(field) } }
        note(a.address == b.address, "address")
        note(a.previousAddress == b.previousAddress, "previousAddress")
        note(a.moduleAddress == b.moduleAddress, "moduleAddress")
        note(a.mode == b.mode, "mode")
        note(a.type == b.type, "type")
        note(a.name == b.name, "name")
        note(a.index == b.index, "index")
        note(a.provider == b.provider, "provider")
        note(a.action == b.action, "action")
        note(a.reason == b.reason, "reason")
        note(a.before == b.before, "before")
        note(a.after == b.after, "after")
        note(a.replacePaths == b.replacePaths, "replacePaths")
        note(a.unknownReasons == b.unknownReasons, "unknownReasons")
        note(a.jsonAttributes == b.jsonAttributes, "jsonAttributes")
        note(a.dependencies == b.dependencies, "dependencies")
        note(a.configuration == b.configuration, "configuration")
        note(a.deposedKey == b.deposedKey, "deposedKey")
        return found
    }

    // MARK: Round trips

    @Test(arguments: [fullPlan, minimalPlan])
    func roundTripKeepsEveryField(_ plan: Plan) throws {
        let bytes = PlanFile.encode(plan)
        let decoded = try PlanFile.decode(bytes)
        #expect(Self.differences(plan, decoded) == [])
        #expect(PlanFile.encode(decoded) == bytes, "the same plan gives the same bytes")
    }

    @Test func equalityCheckSeesEachField() {
        let plan = Self.fullPlan
        var changed = plan
        changed.resourceChanges[0].after = plan.resourceChanges[0].after.markingSensitive(at: [ValuePath([.attribute("id")])])
        changed.resourceChanges[0].jsonAttributes.insert("extra")
        changed.outputChanges[1].isSensitive = false
        changed.stateLineage = nil
        #expect(Self.differences(plan, changed) == [
            "stateLineage", "resourceChanges[0].after", "resourceChanges[0].jsonAttributes", "outputChanges[1].isSensitive",
        ])
    }

    @Test func marksAndTypesSurviveAtDepth() throws {
        let decoded = try PlanFile.decode(PlanFile.encode(Self.fullPlan))
        let after = try #require(decoded.resourceChanges[0].after.attributes)
        #expect(after["secret"]?.isSensitive == true)
        #expect(after["map"]?.isSensitive == true)
        #expect(after["map"]?.attributes?["x"]?.isSensitive == false)
        #expect(after["typed_unknown"] == Value.unknown(.list(.object(["a": .list(.string), "b": .set(.number), "c": .map(.bool), "d": .tuple([.string, .dynamic])]))).marked())
        let nested = after["nested"]?.attributes?["level"]?.attributes?["level"]?.elements?.first
        #expect(nested == Value.unknown(.number).marked())
        #expect(after["set"]?.elements?.count == 4)
        #expect(decoded.variables["password"] == Value.string("hunter2").marked())
    }

    @Test func layoutStartsWithSignatureVersionLengthAndDigest() {
        let bytes = PlanFile.encode(Self.minimalPlan)
        #expect(Array(bytes[0..<8]) == [0x89, 0x50, 0x43, 0x50, 0x4C, 0x41, 0x4E, 0x0A])
        #expect(Array(bytes[8..<12]) == [0, 0, 0, 1])
        let length = bytes[12..<20].reduce(0) { $0 << 8 | Int($1) }
        #expect(length == bytes.count - 52)
        #expect(Array(bytes[20..<52]) == PlanFile.sha256(bytes[52...]))
    }

    // MARK: Refusals

    static func message(_ bytes: [UInt8]) -> String? {
        do {
            _ = try PlanFile.decode(bytes)
            return nil
        } catch {
            return error.message
        }
    }

    /// Rewrites the checksum, so damage inside the body gets past it.
    static func resealed(_ bytes: [UInt8]) -> [UInt8] {
        var copy = bytes
        copy.replaceSubrange(20..<52, with: PlanFile.sha256(copy[52...]))
        return copy
    }

    @Test func refusesWhatIsNotAPlanFile() {
        #expect(Self.message([])?.hasPrefix("The plan file is empty.") == true)
        #expect(Self.message(Array("{\"format_version\":\"1.2\"}".utf8))?.hasPrefix("This is not a pcplan plan file") == true)
        #expect(Self.message([0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0])?.contains("Terraform plan file") == true)
        #expect(Self.message([0x89, 0x50, 0x43])?.hasPrefix("The plan file is truncated") == true)
    }

    @Test func refusesNewerAndUnknownVersions() {
        var bytes = PlanFile.encode(Self.fullPlan)
        bytes[11] = 2
        #expect(Self.message(bytes) == "The plan file was saved by a newer pcplan (plan file format 2; this pcplan reads format 1). Apply it with the pcplan that saved it, or run pcplan plan again.")
        bytes[11] = 0
        #expect(Self.message(bytes)?.hasPrefix("The plan file has format version 0") == true)
    }

    @Test func refusesEveryTruncation() {
        let bytes = PlanFile.encode(Self.fullPlan)
        for length in 1..<bytes.count {
            let text = Self.message(Array(bytes[..<length]))
            #expect(text?.hasPrefix("The plan file is truncated") == true, "cut at \(length): \(text ?? "accepted")")
        }
    }

    @Test func refusesChangedAndExtendedFiles() {
        let bytes = PlanFile.encode(Self.fullPlan)
        for offset in [52, bytes.count / 2, bytes.count - 1] {
            var damaged = bytes
            damaged[offset] ^= 0x20
            #expect(Self.message(damaged)?.hasPrefix("The plan file is corrupt: its content does not match its SHA-256 checksum") == true)
        }
        var digest = bytes
        digest[30] ^= 1
        #expect(Self.message(digest)?.hasPrefix("The plan file is corrupt") == true)
        #expect(Self.message(bytes + [0])?.hasPrefix("The plan file has 1 unexpected bytes after the end of the plan") == true)
    }

    @Test func refusesMalformedBodiesWithAValidChecksum() {
        var header = PlanFile.encode(Self.minimalPlan)
        header.removeSubrange(52...)
        func file(_ body: [UInt8]) -> [UInt8] {
            var bytes = header
            bytes.replaceSubrange(12..<20, with: (0..<8).reversed().map { UInt8(truncatingIfNeeded: body.count >> ($0 * 8)) })
            return Self.resealed(bytes + body)
        }
        #expect(Self.message(file([])) == "The plan file is damaged: the plan ends too early, at byte 52. Run pcplan plan again.")
        #expect(Self.message(file([0x05] + Array("later".utf8))) == "The plan file is damaged: unknown plan mode \"later\", at byte 52. Run pcplan plan again.")
        #expect(Self.message(file([0x7F]))?.contains("a count of 127, more than the 0 bytes left") == true)
        #expect(Self.message(file([0x02, 0xC3, 0x28]))?.contains("not valid UTF-8") == true)
        #expect(Self.message(file([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F]))?.contains("an integer too large") == true)
        var extra = PlanFile.encode(Self.minimalPlan)
        extra.replaceSubrange(12..<20, with: (0..<8).reversed().map { UInt8(truncatingIfNeeded: (extra.count - 52 + 1) >> ($0 * 8)) })
        #expect(Self.message(Self.resealed(extra + [0]))?.contains("unexpected bytes after the plan") == true)
    }

    @Test func refusesValuesNestedBeyondTheLimit() {
        var value = Value.string("bottom")
        for _ in 0..<1_100 { value = .tuple([value]) }
        var plan = Self.minimalPlan
        plan.variables["deep"] = value
        #expect(Self.message(PlanFile.encode(plan))?.contains("a value nested more than 1000 levels deep") == true)
    }

    /// Random damage behind a valid checksum is refused with a message or
    /// decodes to some plan; it never crashes or hangs.
    @Test func survivesRandomDamage() {
        let bytes = PlanFile.encode(Self.fullPlan)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        var refused = 0
        for _ in 0..<300 {
            var damaged = bytes
            for _ in 0..<(1 + next() % 4) {
                damaged[52 + next() % (bytes.count - 52)] = UInt8(truncatingIfNeeded: next())
            }
            if let text = Self.message(Self.resealed(damaged)) {
                #expect(text.hasPrefix("The plan file is damaged: "))
                refused += 1
            }
        }
        #expect(refused > 0)
    }

    // MARK: Staleness

    @Test(arguments: [
        ("lineage-1", 4, "digest", "lineage-1", 4, "digest", nil),
        ("lineage-1", 4, "digest", "lineage-1", 6, "digest",
         "The saved plan was made against state serial 4 of lineage lineage-1, but the state is now at serial 6: something was applied since. Run pcplan plan again."),
        ("lineage-1", 4, "digest", "lineage-1", 2, "digest",
         "The saved plan was made against state serial 4 of lineage lineage-1, but the state is now at serial 2, an older one: the state was restored or replaced. Run pcplan plan again."),
        ("lineage-1", 4, "digest", "lineage-2", 4, "digest",
         "The saved plan was made against a different state (lineage lineage-1), but this state has lineage lineage-2. Run pcplan plan again against this state."),
        ("lineage-1", 4, "digest", nil, 0, "digest",
         "The saved plan was made against state serial 4 of lineage lineage-1, but there is no state now: it was removed or replaced. Run pcplan plan again."),
        (nil, 0, "digest", nil, 0, "digest", nil),
        (nil, 0, "digest", "lineage-3", 0, "digest", nil),
        (nil, 0, "digest", "lineage-3", 1, "digest",
         "The saved plan was made when there was no state yet, but the state (lineage lineage-3) is now at serial 1: something was applied since. Run pcplan plan again."),
        ("lineage-1", 4, "0123456789abcdef", "lineage-1", 4, "fedcba9876543210",
         "The configuration changed since the plan was saved (digest 0123456789ab, now fedcba987654). Run pcplan plan again."),
    ] as [(String?, Int, String, String?, Int, String, String?)])
    func staleness(
        _ planLineage: String?, _ planSerial: Int, _ planDigest: String, _ lineage: String?, _ serial: Int, _ digest: String,
        _ expected: String?
    ) {
        let plan = Plan(pcplanVersion: "0.4.0", stateLineage: planLineage, stateSerial: planSerial, configurationDigest: planDigest, timestamp: "")
        #expect(PlanFile.checkCurrent(plan, stateLineage: lineage, stateSerial: serial, configurationDigest: digest) == expected)
    }
}
