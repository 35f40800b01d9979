import Foundation
import Testing
@testable import InterviewCore
@testable import InterviewStore

/// `parse` (every start) skips the author's checklist that `check` (validate) reads: the
/// bank it reads is the same, whatever the warnings.
@Suite struct BankParseWithoutWarningsTests {
    static let warned = """
        ---
        title: Warned
        duration: 1m
        ---
        ## What is  overfitting?
        ### Expected answer
        \(Question.placeholderAnswer)
        ### How to evaluate
        \tIndented with a tab.
        ## what is overfitting?
        id: again
        ### Expected answer
        - A model that learns the noise.
        \t- nested by a tab
        ### Follow-ups
        ### Rubric
        - [ ] Names the noise
        """

    @Test func aBankWithWarningsParsesAsCheckReadsIt() throws {
        let bytes = Array(Self.warned.utf8)
        let check = BankParser.check(bytes: bytes, file: "w.md")
        #expect(check.errors.isEmpty, "\(check.errors)")
        let said = Set(check.warnings.map(\.message))
        for part in ["a tab in the indentation", "the same prompt", "the importer's placeholder", "no rubric", "an empty Follow-ups", "add up to"] {
            #expect(said.contains { $0.contains(part) }, "\(part): \(said)")
        }
        #expect(try BankParser.parse(bytes: bytes, file: "w.md") == check.bank)
    }

    @Test func theBuiltInBanksParseAsCheckReadsThem() throws {
        for name in BankLoader.builtinNames {
            let bytes = try #require(BankLoader.builtinBytes(name))
            #expect(try BankParser.parse(bytes: bytes, file: name) == BankParser.check(bytes: bytes, file: name).bank, "\(name)")
        }
    }
}
