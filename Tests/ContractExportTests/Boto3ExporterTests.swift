import ContractExport
import DesignEngine
import Foundation
import Requirements
import RequirementsYAML
import Testing
import TestSupport

/// The design engine's worked scenarios (`Tests/DesignEngineTests/Scenarios`), designed with the
/// Scans their requirements ask the user to accept: the models the exporter tests start from.
enum ExportScenario {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("DesignEngineTests/Scenarios")
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static let acceptedScans: [String: [String: String]] = [
        "ecommerce": [:],
        "tenants": ["3": "back-office listing, one page of 50 tenants per request"],
        "agents": ["28": "reference table of about 40 built-in tools, written by administrators"],
    ]

    static let names = ["ecommerce", "tenants", "agents"]

    static func requirements(_ name: String) throws -> Requirements {
        let url = folder.appendingPathComponent("\(name).requirements.yaml")
        let text = try String(contentsOf: url, encoding: .utf8)
        return try RequirementsYAMLLoader.load(yaml: text, fileName: url.lastPathComponent)
    }

    static func model(_ name: String) throws -> (Requirements, DataModel) {
        let requirements = try requirements(name)
        var choices = DesignChoices()
        choices.acceptedScans = acceptedScans[name] ?? [:]
        return (requirements, DesignEngine.design(requirements, choices: choices))
    }
}

@Suite struct Boto3ExporterTests {
    @Test(arguments: ExportScenario.names) func onePythonFunctionPerPattern(name: String) throws {
        let (requirements, model) = try ExportScenario.model(name)
        let file = Boto3Exporter.export(model, requirements: requirements)
        #expect(file.name == "access_patterns.py")
        let text = file.text
        var names = Set<String>()
        for mapping in model.mappings {
            let function = text.components(separatedBy: "\ndef pattern_\(mapping.patternID)_").dropFirst()
            #expect(function.count == 1, "pattern #\(mapping.patternID) has \(function.count) functions")
            let body = function.first ?? ""
            #expect(body.contains("Pattern #\(mapping.patternID): \(mapping.description)"))
            #expect(body.contains("RPS"))
            if let operation = mapping.operation, case .served = mapping.status {
                #expect(body.contains("Operation: \(operation.rawValue)"))
            }
            names.insert(String(body.prefix { $0 != "(" }))
        }
        #expect(names.count == model.mappings.count)
        #expect(text.contains("def create_tables(client, table_names=None):"))
        #expect(text.contains("TABLES = {"))
    }

    @Test func searchPatternsRaiseAndNameOpenSearch() throws {
        let (requirements, model) = try ExportScenario.model("ecommerce")
        let text = Boto3Exporter.export(model, requirements: requirements).text
        let search = try #require(text.components(separatedBy: "\ndef pattern_11_").dropFirst().first)
        #expect(search.contains("OpenSearch"))
        #expect(search.contains("raise NotImplementedError"))
    }

    @Test func queriesUseTheirIndexOrderAndPagination() throws {
        let (requirements, model) = try ExportScenario.model("ecommerce")
        let text = Boto3Exporter.export(model, requirements: requirements).text
        let newestFirst = try #require(text.components(separatedBy: "\ndef pattern_7_").dropFirst().first?.components(separatedBy: "\ndef ").first)
        #expect(newestFirst.contains("\"IndexName\": \"OrdersByUser\""))
        #expect(newestFirst.contains("\"ScanIndexForward\": False"))
        #expect(newestFirst.contains("_paginate(dynamodb.query, request)"))
        #expect(text.contains("ExclusiveStartKey=last"))
        #expect(text.contains("attribute_not_exists(#k)"))
        #expect(text.contains("transact_write_items"))
    }

    @Test(arguments: ExportScenario.names) func deterministic(name: String) throws {
        let (requirements, model) = try ExportScenario.model(name)
        let (_, again) = try ExportScenario.model(name)
        #expect(Boto3Exporter.export(model, requirements: requirements) == Boto3Exporter.export(again, requirements: requirements))
    }

    @Test func goldenEcommerce() throws {
        let (requirements, model) = try ExportScenario.model("ecommerce")
        let text = Boto3Exporter.export(model, requirements: requirements).text
        let url = ExportScenario.fixtures.appendingPathComponent("boto3-ecommerce.py.golden")
        let golden = try #require(try GoldenFile.check(text, against: url), "no golden file: run with UPDATE_GOLDEN=1")
        #expect(text == golden, "access_patterns.py differs from \(url.lastPathComponent): rerun with UPDATE_GOLDEN=1 and review the diff")
    }
}
