import Foundation
import PCLang
import PCProvider
import Testing

@Suite("Built-in providers")
struct BuiltinProviderTests {
    func provider(_ name: String) throws -> any ConfiguredProvider {
        let registry = ProviderRegistry(BuiltinProvider.all)
        return try #require(registry.provider(named: name)).configured(with: .null)
    }

    func plan(_ provider: any ConfiguredProvider, _ type: String, prior: Value = .null, configuration: Value) throws -> PlannedChange {
        let schema = try #require(ProviderRegistry(BuiltinProvider.all).schema(forType: type, dataSource: false))
        var attributes = configuration.attributes ?? [:]
        for (name, attribute) in schema.attributes where attributes[name] == nil {
            attributes[name] = .null(attribute.type)
        }
        let full = Value.object(attributes)
        let proposed = prior.isNull ? full : full
        return try provider.planChange(PlanChangeRequest(type: type, prior: prior, proposed: proposed, configuration: full))
    }

    @Test("pcplan_data: output is unknown until apply, then the input; an update keeps the id")
    func pcplanData() throws {
        let data = try provider("pcplan")
        let planned = try plan(data, "pcplan_data", configuration: .object(["input": .string("a")]))
        #expect(planned.planned.attributes?["output"]?.isKnown == false)
        #expect(planned.planned.attributes?["id"]?.isKnown == false)
        let created = try data.applyChange(ApplyChangeRequest(type: "pcplan_data", prior: .null, planned: planned.planned, configuration: .null))
        #expect(created.attributes?["output"] == .string("a"))
        let id = try #require(created.attributes?["id"]?.stringValue)
        var changed = created.attributes!
        changed["input"] = .string("b")
        let update = try data.planChange(PlanChangeRequest(type: "pcplan_data", prior: created, proposed: .object(changed), configuration: .object(changed)))
        #expect(update.requiresReplace.isEmpty)
        let updated = try data.applyChange(ApplyChangeRequest(type: "pcplan_data", prior: created, planned: update.planned, configuration: .null))
        #expect(updated.attributes?["id"] == .string(id))
        #expect(updated.attributes?["output"] == .string("b"))
        var retriggered = created.attributes!
        retriggered["triggers_replace"] = .string("v2")
        let replace = try data.planChange(PlanChangeRequest(type: "pcplan_data", prior: created, proposed: .object(retriggered), configuration: .object(retriggered)))
        #expect(replace.requiresReplace == [ValuePath([.attribute("triggers_replace")])])
    }

    @Test("local_file writes the file, reads drift, and deletes it")
    func localFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pcplan-local-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let files = try provider("local")
        let path = directory + "/sub/hello.txt"
        let planned = try plan(files, "local_file", configuration: .object(["filename": .string(path), "content": .string("hello\n")]))
        #expect(planned.planned.attributes?["file_permission"] == .string("0777"))
        let created = try files.applyChange(ApplyChangeRequest(type: "local_file", prior: .null, planned: planned.planned, configuration: .null))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "hello\n")
        #expect(created.attributes?["id"] == .string("f572d396fae9206628714fb2ce00f72e94f2258f"))
        #expect(try files.read(type: "local_file", state: created) == created)
        try "changed\n".write(toFile: path, atomically: true, encoding: .utf8)
        let drifted = try #require(try files.read(type: "local_file", state: created))
        #expect(drifted.attributes?["content"] == .string("changed\n"))
        _ = try files.applyChange(ApplyChangeRequest(type: "local_file", prior: created, planned: .null, configuration: .null))
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(try files.read(type: "local_file", state: created) == nil)
        #expect(throws: ProviderError.self) {
            try plan(files, "local_file", configuration: .object(["filename": .string(path), "content": .string("a"), "content_base64": .string("YQ==")]))
        }
    }

    @Test("random_id encodes the same bytes every way and checks byte_length")
    func randomID() throws {
        let random = try provider("random")
        let planned = try plan(random, "random_id", configuration: .object(["byte_length": .number(4), "prefix": .string("p-")]))
        let created = try random.applyChange(ApplyChangeRequest(type: "random_id", prior: .null, planned: planned.planned, configuration: .null))
        let hex = try #require(created.attributes?["hex"]?.stringValue)
        #expect(hex.hasPrefix("p-") && hex.count == 10)
        let imported = try random.importResource(type: "random_id", id: "3q2-7w")
        #expect(imported.attributes?["hex"] == .string("deadbeef"))
        #expect(imported.attributes?["dec"] == .string("3735928559"))
        #expect(throws: ProviderError.self) {
            try plan(random, "random_id", configuration: .object(["byte_length": .number(0)]))
        }
    }

    @Test("time_sleep rejects a duration it cannot read")
    func timeSleep() throws {
        let time = try provider("time")
        #expect(throws: ProviderError.self) {
            try plan(time, "time_sleep", configuration: .object(["create_duration": .string("30 seconds")]))
        }
        let planned = try plan(time, "time_sleep", configuration: .object(["create_duration": .string("10ms")]))
        let created = try time.applyChange(ApplyChangeRequest(type: "time_sleep", prior: .null, planned: planned.planned, configuration: .null))
        #expect(created.attributes?["id"]?.stringValue?.isEmpty == false)
    }
}
