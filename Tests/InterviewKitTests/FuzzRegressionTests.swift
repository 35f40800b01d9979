import Foundation
import Testing
@testable import InterviewCore

/// Every input kept under `Fixtures/Fuzz/<target>/` (what the fuzzer found, and seeds
/// that exercise the edges) keeps its target's invariants, as `scripts/fuzz` checks
/// them (FuzzInvariants.swift). A new file in one of those folders is picked up as it is.
@Suite struct FuzzRegressionTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures").appendingPathComponent("Fuzz")

    static func inputs(_ target: FuzzTarget) -> [URL] {
        let folder = folder.appendingPathComponent(target.rawValue)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { folder.appendingPathComponent($0) }
    }

    @Test(arguments: FuzzTarget.allCases)
    func keptInputsKeepTheInvariants(_ target: FuzzTarget) throws {
        let files = Self.inputs(target)
        #expect(files.count >= 5, "Fixtures/Fuzz/\(target.rawValue) holds \(files.count) inputs")
        for file in files {
            let violation = target.violation(try [UInt8](Data(contentsOf: file)))
            #expect(violation == nil, "\(target.rawValue)/\(file.lastPathComponent): \(violation ?? "")")
        }
    }

    @Test func realInputsKeepTheInvariants() throws {
        let bank = try [UInt8](Data(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/InterviewStore/Resources/Banks/machine-learning.md")))
        #expect(FuzzTarget.bank.violation(bank) == nil)
        #expect(FuzzTarget.session.violation(Array(try ReportFixtures.goldenSession().encoded())) == nil)
    }

    /// The invariants are not vacuous: an error outside its input, or a bank that
    /// `BankWriter` cannot give back, is a violation.
    @Test func invariantsCatchWhatTheyClaimTo() {
        let input = Array("ab\ncd".utf8)
        func place(_ line: Int, _ column: Int) -> String? {
            FuzzTarget.placeViolation(InputError(file: FuzzTarget.file, line: line, column: column, message: "m"), in: input)
        }
        #expect(place(1, 1) == nil)
        #expect(place(2, 3) == nil)
        #expect(place(3, 1) == nil, "one past the last line: the end of the input")
        #expect(place(0, 1) != nil)
        #expect(place(1, 0) != nil)
        #expect(place(4, 1) != nil)
        #expect(place(1, 4) != nil)
        #expect(place(3, 2) != nil)

        let question = Question(id: "not-the-slug", prompt: "What?", timeSeconds: 60, expectedAnswer: RichText.parse("This."))
        let bank = Bank(title: "T", durationSeconds: 600, questions: [question, question], source: "s", hash: "h")
        #expect(FuzzTarget.rewriteViolation(bank) != nil, "two questions with one id do not read back")
    }
}
