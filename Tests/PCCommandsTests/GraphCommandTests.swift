import Foundation
import Testing

/// `pcplan graph`: the configuration's dependency graph in DOT.
@Suite struct GraphCommandTests {
    @Test func printsEveryDeclarationAndReference() throws {
        let sandbox = try Sandbox()
        try sandbox.write("main.pcl", """
            variable "name" {
              default = "web"
            }

            locals {
              label = upper(var.name)
            }

            resource "pcplan_data" "first" {
              input = local.label
            }

            resource "pcplan_data" "second" {
              input      = pcplan_data.first.id
              depends_on = [module.db]
            }

            module "db" {
              source = "./db"
              name   = local.label
            }

            output "id" {
              value = pcplan_data.second.id
            }

            """)
        try sandbox.write("db/main.pcl", """
            variable "name" {}

            resource "pcplan_data" "table" {
              input = var.name
            }

            """)
        let result = pcplan(["graph"], in: sandbox.root)
        #expect(result.status == 0, "\(result.error)")
        #expect(result.error == "")
        #expect(result.output == """
            digraph {
            \t"rankdir" = "RL"
            \t"var.name" ["shape"="note"]
            \t"local.label" ["shape"="ellipse"]
            \t"module.db" ["shape"="ellipse"]
            \t"pcplan_data.first" ["shape"="box"]
            \t"pcplan_data.second" ["shape"="box"]
            \t"output.id" ["shape"="ellipse"]
            \t"module.db.var.name" ["shape"="note"]
            \t"module.db.pcplan_data.table" ["shape"="box"]
            \t"local.label" -> "var.name"
            \t"pcplan_data.first" -> "local.label"
            \t"pcplan_data.second" -> "module.db"
            \t"pcplan_data.second" -> "pcplan_data.first"
            \t"pcplan_data.second" -> "module.db.pcplan_data.table"
            \t"output.id" -> "pcplan_data.second"
            \t"module.db.var.name" -> "local.label"
            \t"module.db.var.name" -> "module.db"
            \t"module.db.pcplan_data.table" -> "module.db"
            \t"module.db.pcplan_data.table" -> "module.db.var.name"
            }

            """)
        // The same configuration always gives the same text.
        #expect(pcplan(["graph"], in: sandbox.root).output == result.output)
    }

    @Test func aCycleIsAnErrorWithItsPath() throws {
        let sandbox = try Sandbox()
        try sandbox.write("main.pcl", """
            locals {
              a = local.b
              b = local.a
            }

            """)
        let result = pcplan(["graph"], in: sandbox.root)
        #expect(result.status == 1)
        #expect(result.output == "")
        #expect(result.error.contains("error: Cycle: local.a → local.b → local.a"), "\(result.error)")
        #expect(result.error.contains("main.pcl:"))
    }

    @Test func undeclaredReferencesAndSyntaxErrorsAreErrors() throws {
        let sandbox = try Sandbox()
        try sandbox.write("main.pcl", "output \"x\" {\n  value = var.nope\n}\n")
        let undeclared = pcplan(["graph"], in: sandbox.root)
        #expect(undeclared.status == 1)
        #expect(undeclared.output == "")
        #expect(undeclared.error.contains("error: Reference to undeclared input variable"))
        try sandbox.write("main.pcl", "output \"x\" {\n  value = \n}\n")
        let broken = pcplan(["graph"], in: sandbox.root)
        #expect(broken.status == 1)
        #expect(broken.output == "")
        #expect(broken.error.contains("main.pcl:2:"))
    }

    @Test func anEmptyDirectoryHasAnEmptyGraph() throws {
        let sandbox = try Sandbox()
        let result = pcplan(["graph"], in: sandbox.root)
        #expect(result.status == 0)
        #expect(result.output == "digraph {\n\t\"rankdir\" = \"RL\"\n}\n")
        #expect(result.error.contains("warning: "))
    }

    @Test func worksWithChdir() throws {
        let sandbox = try Sandbox()
        try sandbox.write("infra/main.pcl", "locals {\n  a = 1\n}\n")
        let result = pcplan(["-chdir=infra", "graph"], in: sandbox.root)
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("\t\"local.a\" [\"shape\"=\"ellipse\"]\n"))
    }
}
