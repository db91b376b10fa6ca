import Foundation
import PCLang
import PCPlan
import PCProvider
import Testing

@Suite("Planner refresh and drift")
struct PlannerDriftTests {
    /// A `local_file` created through the provider and recorded, as an
    /// apply would leave it.
    func recordedFile(in fixture: PlannerFixture, content: String) throws -> String {
        let path = fixture.directory + "/out.txt"
        let provider = try ProviderRegistry(BuiltinProvider.all).provider(named: "local")!.configured(with: .null)
        let planned = Value.object([
            "filename": .string(path), "content": .string(content), "sensitive_content": .null(.string),
            "content_base64": .null(.string), "file_permission": .string("0644"), "directory_permission": .string("0755"),
            "id": .unknown(.string), "content_md5": .unknown(.string), "content_sha1": .unknown(.string),
            "content_sha256": .unknown(.string), "content_base64sha256": .unknown(.string),
        ])
        let created = try provider.applyChange(ApplyChangeRequest(type: "local_file", prior: .null, planned: planned, configuration: planned))
        try fixture.record([("local_file.f", "local_file", StateValues.columns(of: created).attributes)])
        return path
    }

    static let configuration = """
        resource "local_file" "f" {
          filename             = "${path.module}/out.txt"
          content              = "hello"
          file_permission      = "0644"
          directory_permission = "0755"
        }
        """

    @Test("an unchanged file plans nothing; with -refresh=false nothing is read")
    func noDrift() throws {
        let fixture = try PlannerFixture(files: [:])
        let path = try recordedFile(in: fixture, content: "hello")
        try Self.configuration.replacingOccurrences(of: "${path.module}/out.txt", with: path)
            .write(toFile: fixture.directory + "/main.pcl", atomically: true, encoding: .utf8)
        let result = try #require(try fixture.plan(refresh: true).plan)
        #expect(result.actionLines == ["local_file.f no-op"])
        #expect(result.resourceDrift.isEmpty)
    }

    @Test("a file changed outside pcplan is drift, and the plan replaces it")
    func changedOutside() throws {
        let fixture = try PlannerFixture(files: [:])
        let path = try recordedFile(in: fixture, content: "hello")
        try Self.configuration.replacingOccurrences(of: "${path.module}/out.txt", with: path)
            .write(toFile: fixture.directory + "/main.pcl", atomically: true, encoding: .utf8)
        try "edited by hand".write(toFile: path, atomically: true, encoding: .utf8)
        let result = try #require(try fixture.plan(refresh: true).plan)
        #expect(result.resourceDrift.map(\.address) == ["local_file.f"])
        #expect(result.resourceDrift.first?.after.attributes?["content"] == .string("edited by hand"))
        #expect(result.actionLines == ["local_file.f delete-create"])
        let noRefresh = try #require(try fixture.plan(refresh: false).plan)
        #expect(noRefresh.resourceDrift.isEmpty)
        #expect(noRefresh.actionLines == ["local_file.f no-op"])
    }

    @Test("a file deleted outside pcplan is drift, and the plan creates it again")
    func deletedOutside() throws {
        let fixture = try PlannerFixture(files: [:])
        let path = try recordedFile(in: fixture, content: "hello")
        try Self.configuration.replacingOccurrences(of: "${path.module}/out.txt", with: path)
            .write(toFile: fixture.directory + "/main.pcl", atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: path)
        let result = try #require(try fixture.plan(refresh: true).plan)
        #expect(result.resourceDrift.first?.action == .delete)
        #expect(result.actionLines == ["local_file.f create"])
    }
}
