import Requirements

/// Turns confirmed requirements into a DynamoDB data model (docs/design-engine.md).
///
/// The passes run in the order `docs/design-engine.md` describes: place entities in tables,
/// choose base keys, add unique-constraint lookup tables, plan every access pattern (adding
/// GSIs where the base key cannot serve one), size items and requests, then analyse hot
/// partitions, cost and warnings. Pure: no printing, no files, no clock.
public enum DesignEngine {
    public static func design(
        _ requirements: Requirements, choices: DesignChoices = DesignChoices(), prices: PriceTable = .usEast1
    ) -> DataModel {
        let context = DesignContext(requirements: requirements, choices: choices)
        var layout = TableLayoutPlanner.plan(context)
        LookupTablePlanner.addLookupTables(context, to: &layout)
        let planned = PatternPlanner.plan(context, layout: &layout)
        var tables = TableAssembler.assemble(context, layout: layout, indexes: planned.indexes, mappings: planned.mappings,
                                             copies: planned.denormalizations, itemLayouts: planned.itemLayouts)
        LifecyclePlanner.addStreamReasons(to: &tables, searchNotes: planned.searchNotes, context)
        for index in tables.indices {
            tables[index].exampleItems = ExampleItemBuilder.examples(for: tables[index], requirements: requirements, entities: context.entitiesByName)
        }
        let mappings = CapacityCalculator.complete(planned.mappings, tables: tables, context: context)
        let hotPartitions = HotPartitionAnalyzer.analyze(tables: tables, mappings: mappings, requirements: requirements)
        let cost = CostEstimator.estimate(tables: tables, mappings: mappings, requirements: requirements, prices: prices)
        let warnings = WarningDetector.warnings(tables: tables, mappings: mappings, hotPartitions: hotPartitions, requirements: requirements)
        let decisions = layout.decisions + planned.decisions + CapacityDecisionWriter.decisions(tables: tables, cost: cost, context: context)
            + LifecyclePlanner.decisions(tables: tables, mappings: mappings, context)
        var model = DataModel(
            tables: tables, mappings: mappings, decisions: decisions, hotPartitions: hotPartitions, cost: cost,
            warnings: warnings, openSearch: OpenSearchRequirement(patterns: planned.searchNotes),
            tradeOffs: TradeOffWriter.tradeOffs(tables: tables, mappings: mappings, decisions: decisions, context: context),
            naming: choices.naming)
        model.analyticsExport = planned.exportNotes
        StreamNeeds.record(in: &model.tables)
        model.blockers = BlockerFinder.blockers(tables: tables, hotPartitions: hotPartitions)
        return model
    }
}
