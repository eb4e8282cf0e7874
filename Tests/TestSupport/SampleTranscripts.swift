/// Scripted answers for a whole requirements session, shared by the conversation tests, the
/// end-to-end tests (piped into the binary) and the crash test.
public enum SampleTranscripts {
    /// An online shop: users, products, orders, order items; ends by passing the requirements gate.
    public static let shop: [String] = [
        "e-commerce",
        "Orders are never lost; a user's email is unique; stock must never go negative.",
        "50k",
        "1200",
        // Entities
        "User",
        "user_id:string:36, email:string:40, name:string:30, created_at:datetime",
        "user_id",
        "email",
        "accounts",
        "forever",
        "Order",
        "order_id:string:36, user_id:string:36, status:string:10, total:number, created_at:datetime",
        "order_id",
        "none",
        "",
        "",
        "done",
        // Relationships
        "User -> Order",
        "avg 5 max 1000",
        "no",
        "done",
        // Patterns
        "Create a user",
        "User", "write", "none", "1", "20", "5", "<100ms", "all",
        "Get user by ID",
        "User", "read", "user_id", "none", "none", "1", "500", "200", "eventual", "<50ms", "all",
        "Place an order",
        "Order", "write", "none", "1", "50", "10", "<200ms", "all",
        "Get a user's orders, newest first",
        "Order", "read", "user_id", "created_at desc", "status", "avg 5 max 1000", "300", "100", "eventual", "<100ms", "order_id, status, total, created_at",
        "done",
        // Gate
        "yes",
    ]
}
