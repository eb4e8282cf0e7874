import Testing
@testable import LineEditing

@Suite("What Tab does")
struct CompletionMatcherTests {
    @Test("The word being completed is the text after the last whitespace", arguments: [
        ("", ""), ("/he", "/he"), ("/add entity Or", "Or"), ("/add ", ""), ("a\tb", "b"),
    ])
    func wordBeingTyped(text: String, word: String) {
        #expect(CompletionMatcher.wordBeingTyped(in: text) == word)
    }

    @Test("A unique match inserts its remainder")
    func uniqueMatch() {
        #expect(CompletionMatcher.outcome(textBeforeCursor: "/he", candidates: ["/help"]) == .insert("lp"))
    }

    @Test("Several matches insert the prefix they share beyond the word")
    func sharedPrefix() {
        let outcome = CompletionMatcher.outcome(
            textBeforeCursor: "/add e", candidates: ["entity", "entities"])
        #expect(outcome == .insert("ntit"))
    }

    @Test("Several matches with nothing more in common are listed once each")
    func listsCandidates() {
        let outcome = CompletionMatcher.outcome(
            textBeforeCursor: "/", candidates: ["/help", "/quit", "/help"])
        #expect(outcome == .list(["/help", "/quit"]))
    }

    @Test("An empty word completes to what every candidate starts with")
    func emptyWord() {
        #expect(CompletionMatcher.outcome(textBeforeCursor: "", candidates: ["/help", "/history"]) == .insert("/h"))
    }

    @Test("Nothing happens without a match or when the word is already complete", arguments: [
        ("/x", ["/help"]), ("/help", ["/help"]), ("/he", []),
    ])
    func nothingToDo(text: String, candidates: [String]) {
        #expect(CompletionMatcher.outcome(textBeforeCursor: text, candidates: candidates) == .nothing)
    }

    @Test("Candidates for another word are ignored rather than inserted")
    func ignoresUnrelatedCandidates() {
        #expect(CompletionMatcher.outcome(textBeforeCursor: "/he", candidates: ["/quit", "/help"]) == .insert("lp"))
    }

    @Test("Non-ASCII candidates complete by whole characters")
    func nonASCII() {
        #expect(CompletionMatcher.outcome(textBeforeCursor: "ca", candidates: ["café", "cafés"]) == .insert("fé"))
    }
}
