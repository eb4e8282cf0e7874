/// An item's identity across tables: its table and its place in it. Batches and transactions
/// refuse two operations on one address; comparing addresses (not whole key items) keeps the
/// check cheap and treats `"1"` and `"1.0"` as the same number key.
struct ItemAddress: Hashable {
    var table: String
    var partition: CompositeKey
    var sort: CompositeKey
}
