import Foundation
@testable import InterviewCore
import InterviewSamples

enum Fixtures {
    static let smallBankText = """
    ---
    title: Small
    duration: 10m
    ---
    ## First question?
    time: 2m
    ### Expected answer
    One.
    ### Rubric
    - [ ] alpha
    - [ ] beta
    - [ ] gamma

    ## Second question?
    time: 3m
    ### Expected answer
    Two.
    ### Rubric
    - [ ] delta
    - [ ] epsilon

    ## Third question?
    ### Expected answer
    Three.
    """

    static func smallBank() throws -> Bank {
        try BankParser.parse(bytes: Array(smallBankText.utf8), file: "small.md")
    }

    static func engine(_ bank: Bank) -> SessionEngine {
        SessionEngine(bank: bank, id: "test-session", candidate: "Ada", interviewer: "Grace",
                      startedAt: Date(timeIntervalSince1970: 1_800_000_000))
    }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("interview-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
