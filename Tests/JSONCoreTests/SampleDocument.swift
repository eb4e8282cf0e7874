/// A hand-written document with what the parser must get right in one place: nesting, key order,
/// escapes, surrogate pairs, non-ASCII text, every kind of number and every literal.
enum SampleDocument {
    static let text = #"""
        [
          {
            "table": "Orders",
            "type": "Table",
            "pk": "PK",
            "attributes": {
              "PK": { "type": "S", "source_column": "order_id" },
              "note": { "type": "S", "justification": "Quotes \" and \\ and a tab \t, caf\u00e9 \ud83d\ude00" },
              "total": { "type": "N", "example": -12.5e-1 }
            },
            "satisfies": ["AP1", "AP2"],
            "estimated_item_size_bytes": 40
          },
          { "table": "Menü – €", "denormalized": false, "gsis": [], "sk": null, "weight": 0.25, "count": 0 }
        ]

        """#
}
