import Foundation
import Testing

/// The READMEs of the modules that ship with pcplan say what the modules
/// declare: every directory under `modules/` with a README.md has the
/// marked section, and it is exactly what `pcplan docs` generates.
@Suite struct BundledModuleReadmeTests {
    /// The repository: three levels above this file
    /// (`Tests/PCCommandsTests/BundledModuleReadmeTests.swift`).
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    @Test func everyModuleReadmeIsCurrent() throws {
        let modules = Self.repository + "/modules"
        #expect(FileManager.default.fileExists(atPath: modules), "no modules/ directory in \(Self.repository)")
        for problem in try Self.staleReadmes(in: Self.repository) {
            Issue.record(Comment(rawValue: problem))
        }
    }

    /// The check above can fail: a stale README and one without markers are
    /// both reported, each with the command that regenerates it; a current
    /// one and a directory without README are not.
    @Test func theCheckReportsStaleAndUnmarkedReadmes() throws {
        let sandbox = try Sandbox()
        let module = "variable \"a\" {\n  description = \"A.\"\n}\n"
        for name in ["current", "stale", "unmarked", "undocumented", "nested/inner"] {
            try sandbox.write("modules/\(name)/main.pcl", module)
        }
        try sandbox.write("modules/current/README.md", "<!-- BEGIN_PCPLAN_DOCS --><!-- END_PCPLAN_DOCS -->\n")
        #expect(pcplan(["docs", "-write", "modules/current/README.md", "modules/current"], in: sandbox.root).status == 0)
        try sandbox.write("modules/stale/README.md", "<!-- BEGIN_PCPLAN_DOCS -->\nold\n<!-- END_PCPLAN_DOCS -->\n")
        try sandbox.write("modules/unmarked/README.md", "# A module\n")
        try sandbox.write("modules/nested/inner/README.md", "# Inner\n")

        let problems = try Self.staleReadmes(in: sandbox.root)
        #expect(problems.count == 3)
        for name in ["nested/inner", "stale", "unmarked"] {
            let command = "swift run pcplan docs -write modules/\(name)/README.md modules/\(name)"
            #expect(problems.contains { $0.contains(command) }, "no problem reported for modules/\(name)")
        }
        #expect(!problems.contains { $0.contains("modules/current/") || $0.contains("undocumented") })
    }

    /// One message per module README that is not what `pcplan docs`
    /// generates, saying how to regenerate it.
    static func staleReadmes(in repository: String) throws -> [String] {
        var problems: [String] = []
        for directory in try moduleDirectories(under: repository + "/modules", relativeTo: repository) {
            let readme = directory + "/README.md"
            guard FileManager.default.fileExists(atPath: repository + "/" + readme) else { continue }
            let result = pcplan(["docs", "-check", readme, directory], in: repository)
            guard result.status != 0 else { continue }
            let reason = result.status == 3
                ? "\(readme) is out of date: its inputs and outputs tables differ from the module's declarations."
                : "\(readme) cannot be checked; it needs the lines <!-- BEGIN_PCPLAN_DOCS --> and <!-- END_PCPLAN_DOCS --> around the generated tables, and the module must load."
            problems.append("""
                \(reason)
                Regenerate it from the repository root with:

                    swift run pcplan docs -write \(readme) \(directory)

                pcplan docs said:
                \(result.error)
                """)
        }
        return problems
    }

    /// Every directory below `root`, hidden ones excepted, in name order,
    /// as paths relative to `base`.
    static func moduleDirectories(under root: String, relativeTo base: String) throws -> [String] {
        guard FileManager.default.fileExists(atPath: root) else { return [] }
        var found: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: root).sorted() where !name.hasPrefix(".") {
            var isDirectory: ObjCBool = false
            let path = root + "/" + name
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            found.append(String(path.dropFirst(base.count + 1)))
            found += try moduleDirectories(under: path, relativeTo: base)
        }
        return found
    }
}
