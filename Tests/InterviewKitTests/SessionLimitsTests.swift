import Foundation
import Testing
@testable import InterviewCore

/// No session file can crash a command: every number is range-checked when it is read,
/// keys are given once, and every error points at the place in the file.
@Suite struct SessionLimitsTests {
    /// A session as the program saves it, with a rating, ticks and notes in its events.
    static func sessionText() throws -> String {
        var engine = Fixtures.engine(try Fixtures.smallBank())
        engine.perform(.toggleRubric(1), at: 1.5)
        engine.perform(.setNotes([NoteLine(at: 1, text: "a note")]), at: 2)
        engine.perform(.rate(3), at: 3)
        engine.perform(.next, at: 4)
        engine.perform(.wrapUp, at: 5)
        engine.perform(.recommend(2), at: 6)
        return String(decoding: try engine.snapshot(at: 7).checkedEncoding(), as: UTF8.self)
    }

    /// The text with the `occurrence`-th (from 0) `"key" : VALUE` given `value` instead,
    /// and the line it is on (from 1).
    static func replacing(_ key: String, occurrence: Int = 0, with value: String, in text: String) throws -> (String, Int) {
        var lines = text.components(separatedBy: "\n")
        var seen = 0
        for (index, line) in lines.enumerated() {
            guard let range = line.range(of: "\"\(key)\" : ") else { continue }
            if seen < occurrence {
                seen += 1
                continue
            }
            let rest = line[range.upperBound...]
            let comma = rest.hasSuffix(",") ? "," : ""
            lines[index] = String(line[..<range.upperBound]) + value + comma
            return (lines.joined(separator: "\n"), index + 1)
        }
        throw InputError(file: "test", line: 0, column: 0, message: "no \(key) in the session")
    }

    /// Both readers refuse `text` with the same error, on `line`.
    static func refused(_ text: String, line: Int, containing words: String, _ comment: Comment? = nil,
                        sourceLocation: SourceLocation = #_sourceLocation) {
        let data = Data(text.utf8)
        do throws(InputError) {
            _ = try SessionFile.decode(data, file: "s.json")
            Issue.record("read: \(comment?.rawValue ?? words)", sourceLocation: sourceLocation)
        } catch {
            #expect(error.line == line, "\(error)", sourceLocation: sourceLocation)
            #expect(error.message.contains(words), "\(error)", sourceLocation: sourceLocation)
            #expect(FuzzTarget.placeViolation(InputError(file: FuzzTarget.file, line: error.line, column: error.column,
                                                         message: error.message), in: Array(data)) == nil,
                    sourceLocation: sourceLocation)
            #expect(throws: error, sourceLocation: sourceLocation) { try SessionSummary.decode(data, file: "s.json") }
        }
    }

    @Test func theProgramsOwnFileIsRead() throws {
        let data = Data(try Self.sessionText().utf8)
        _ = try SessionFile.decode(data, file: "s.json")
        _ = try SessionSummary.decode(data, file: "s.json")
    }

    /// The inputs that crashed a command (SIGILL, exit 132) before the checks.
    @Test(arguments: [
        ("at", 1, "1e300", "seconds from 0 to 10000000"),
        ("at", 1, "-1e300", "seconds from 0 to 10000000"),
        ("at", 2, "-3", "seconds from 0 to 10000000"),
        ("clockSeconds", 0, "1e19", ".clockSeconds is 1e+19"),
        ("timeSeconds", 0, "9223372036854775807", ".questions[0].timeSeconds is 9223372036854775807"),
        ("durationSeconds", 0, "9223372036854775807", ".bank.durationSeconds"),
        ("elapsedSeconds", 1, "-1", ".questions[1].elapsedSeconds is -1"),
        ("totalSeconds", 0, "99999999999", ".totalSeconds"),
        ("rating", 0, "6", "expected a rating (0 clears, 5: no decision) from 0 to 5"),
        ("recommendation", 0, "0", "expected a recommendation (5: no decision) from 1 to 5"),
        ("question", 0, "3", "expected a question index from 0 to 2"),
        ("question", 0, "-1", "expected a question index from 0 to 2"),
        ("item", 0, "3", "expected a rubric item index from 0 to 2"),
    ] as [(String, Int, String, String)])
    func aNumberOutOfRangeIsRefusedWhereItIs(key: String, occurrence: Int, value: String, words: String) throws {
        let (text, line) = try Self.replacing(key, occurrence: occurrence, with: value, in: try Self.sessionText())
        Self.refused(text, line: line, containing: words)
    }

    @Test func aNoteTimeOutOfRangeIsRefused() throws {
        let text = try Self.sessionText()
        // The first "at" inside a notes line of a question (the summary's copy) and of an event.
        let lines = text.components(separatedBy: "\n")
        let noteLine = try #require(lines.firstIndex { $0.contains("\"text\" : \"a note\"") })
        var edited = lines
        edited[noteLine - 1] = edited[noteLine - 1].replacingOccurrences(of: "1,", with: "1e308,")
        Self.refused(edited.joined(separator: "\n"), line: noteLine, containing: "seconds from 0 to 10000000")
    }

    @Test func noQuestionsIsAnError() throws {
        let text = try Self.sessionText()
        let data = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
        var object = data
        object["questions"] = []
        object["events"] = [["at": 0, "type": "started"]]
        let empty = String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys]), as: UTF8.self)
        let line = try #require(empty.components(separatedBy: "\n").firstIndex { $0.contains("\"questions\"") }) + 1
        Self.refused(empty, line: line, containing: ".questions is empty: expected at least one question")
    }

    @Test func eventTimesThatGoBackAreAnError() throws {
        let text = try Self.sessionText()
        // Events at 0 (started), 1.5, 2, 3, ...: the fourth given 1 goes back.
        let (back, line) = try Self.replacing("at", occurrence: Self.eventAtOccurrence(text, event: 3), with: "1", in: text)
        Self.refused(back, line: line, containing: "before the event ahead of it at 2.0: expected times that never go back")
        // The same time twice is fine (two changes in one millisecond).
        let (same, _) = try Self.replacing("at", occurrence: Self.eventAtOccurrence(text, event: 3), with: "2", in: text)
        _ = try SessionFile.decode(Data(same.utf8), file: "s.json")
    }

    /// Which `"at" : ` of the text (counted from 0) is the time of event `event`: the
    /// events' own are six spaces in, their notes lines' deeper.
    static func eventAtOccurrence(_ text: String, event: Int) throws -> Int {
        let lines = text.components(separatedBy: "\n")
        let events = try #require(lines.firstIndex { $0 == "  \"events\" : [" })
        var occurrence = lines[..<events].filter { $0.contains("\"at\" : ") }.count
        var seen = 0
        for line in lines[events...] where line.contains("\"at\" : ") {
            if line.hasPrefix("      \"at\" : ") {
                if seen == event { return occurrence }
                seen += 1
            }
            occurrence += 1
        }
        throw InputError(file: "test", line: 0, column: 0, message: "no event \(event)")
    }

    @Test func aKeyGivenTwiceIsAnErrorAtItsSecondPlace() throws {
        let text = try Self.sessionText()
        var lines = text.components(separatedBy: "\n")
        let status = try #require(lines.firstIndex { $0.hasPrefix("  \"status\" : ") })
        lines.insert("  \"status\" : \"completed\",", at: status + 1)
        Self.refused(lines.joined(separator: "\n"), line: status + 2, containing: "the key \"status\" is given twice in one object")

        // Inside an event, and spelt with an escape: the same key to a JSON reader.
        var inEvent = text.components(separatedBy: "\n")
        let type = try #require(inEvent.firstIndex { $0.hasPrefix("      \"type\" : ") })
        inEvent.insert("      \"typ\\u0065\" : \"ended\",", at: type)
        Self.refused(inEvent.joined(separator: "\n"), line: type + 2, containing: "the key \"type\" is given twice")
    }

    @Test(arguments: [
        ("{", 1, "ends inside an object"),
        ("{\n  \"format\" : \"interview-session\",\n", 3, "ends inside an object"),
        ("{\"a\": [1, 2,]}", 1, "unexpected character"),
        ("{\"a\": 01}", 1, "expected ',' or '}'"),
        ("{\"a\": \"x\ny\"}", 1, "control character"),
        ("{\"a\": tru}", 1, "unexpected characters"),
        ("{} {}", 1, "more after the end"),
        ("\n\n\n", 4, "ends where a value was expected"),
        ("{\"a\": \"\\q\"}", 1, "unknown escape"),
        ("{\"a\": 1.}", 1, "after its '.'"),
    ] as [(String, Int, String)])
    func brokenJSONPointsInsideTheFile(text: String, line: Int, words: String) throws {
        Self.refused(text, line: line, containing: words)
    }

    @Test func deepNestingIsRefusedWithoutRecursingForever() throws {
        let deep = String(repeating: "[", count: 100_000)
        Self.refused(deep, line: 1, containing: "nested more than 512 deep")
    }

    @Test func aWrongTypePointsAtTheValue() throws {
        let (text, line) = try Self.replacing("clockSeconds", with: "\"soon\"", in: try Self.sessionText())
        Self.refused(text, line: line, containing: "wrong value at .clockSeconds")
        let (kind, kindLine) = try Self.replacing("type", occurrence: 1, with: "\"begun\"", in: try Self.sessionText())
        Self.refused(kind, line: kindLine, containing: "wrong value at .events[1].type")
    }
}

/// The fuzz target's structure-aware mutator, seeded: every edit of a valid session is
/// read or refused in place, never a crash, and the readers agree (`FuzzTarget.session`).
@Suite struct SessionMutationTests {
    @Test func editedSessionsAreReadOrRefusedInPlace() throws {
        let valid = Array(try SessionLimitsTests.sessionText().utf8)
        var refused = 0
        var duplicates = 0
        var mutated = 0
        for seed in 0..<1500 as Range<UInt64> {
            guard let bytes = SessionMutator.mutate(valid, seed: seed) else { continue }
            mutated += 1
            if let violation = FuzzTarget.sessionViolation(bytes) {
                Issue.record("seed \(seed): \(violation)\n\(String(decoding: bytes, as: UTF8.self))")
                break
            }
            do throws(InputError) {
                _ = try SessionFile.decode(Data(bytes), file: "s.json")
            } catch {
                refused += 1
                if error.message.contains("given twice") { duplicates += 1 }
            }
        }
        #expect(mutated == 1500)
        #expect(refused > 300, "most edits are refused: \(refused)")
        #expect(duplicates > 10, "\(duplicates)")
    }

    @Test func theMutatorWritesWhatJSONCannotHoldAndKeysTwice() throws {
        let text = #"{"a": 1, "b": [1, 2]}"#
        var seen: Set<String> = []
        for seed in 0..<400 as Range<UInt64> {
            let out = String(decoding: try #require(SessionMutator.mutate(Array(text.utf8), seed: seed)), as: UTF8.self)
            #expect(!out.contains("\\u0001"), "\(out)")
            if out.contains("1e999") { seen.insert("1e999") }
            if out.components(separatedBy: "\"a\"").count > 2 || out.components(separatedBy: "\"b\"").count > 2 { seen.insert("twice") }
        }
        #expect(seen == ["1e999", "twice"])
        #expect(SessionMutator.mutate(Array("not json".utf8), seed: 1) == nil)
    }
}

/// `stats` reads the events straight from the bytes, or, where it cannot vouch that the
/// decoder reads them the same, from the whole file: the same events either way.
@Suite struct EventScanTests {
    @Test func theScanReadsTheEventsTheDecoderReads() throws {
        let text = try SessionLimitsTests.sessionText()
        let data = Data(text.utf8)
        let scanned = try #require(JSONScan.eventSummaries(in: data))
        #expect(scanned == (try SessionFile.decode(data, file: "s.json")).events.map(EventSummary.init))
    }

    @Test(arguments: [("question", "1.0"), ("question", "1e0"), ("at", "\"1\""), ("at", "1e400"), ("type", "\"st\\u0061rted\""),
                      ("type", "\"begun\""), ("from", "0.5"), ("question", "01"), ("at", "01.5"), ("question", "99999999999999999999"), ("rating", "\"3\"")])
    func whatItCannotVouchForGoesToTheDecoder(key: String, value: String) throws {
        let (text, _) = try SessionLimitsTests.replacing(key, with: value, in: try SessionLimitsTests.sessionText())
        let data = Data(text.utf8)
        #expect(JSONScan.eventSummaries(in: data) == nil, "\(key): \(value)")
        let whole = Result { () throws(InputError) in try SessionFile.decode(data, file: "s.json") }
        let summary = Result { () throws(InputError) in try SessionSummary.decode(data, file: "s.json") }
        switch (whole, summary) {
        case (.failure(let a), .failure(let b)): #expect(a == b)
        case (.success(let file), .success(let read)): #expect(read.events == file.events.map(EventSummary.init))
        default: Issue.record("\(key): \(value): the whole file \(whole), the summary \(summary)")
        }
    }
}

/// The events read from the bytes are left out of what the JSON decoder is given
/// (`SessionFile.decode`): what the scan accepts there, nothing else checks.
@Suite struct EventScanDepthTests {
    /// A value nested deep under a key no event has: the scan of the events counts its
    /// depth from the top of the document, as the scan of the whole file does, so `stats`
    /// refuses the file with the same error as every other reader.
    @Test func aValueNestedDeepInAnEventIsRefusedAsTheWholeFileIs() throws {
        // Under the document, `events` and the event: 3 + 510 levels, past the 512 allowed.
        let nested = String(repeating: "[", count: 510) + String(repeating: "]", count: 510)
        let text = try SessionLimitsTests.sessionText()
            .replacing("\"type\" : \"started\"", with: "\"type\" : \"started\", \"extra\" : \(nested)")
        let line = try #require(text.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("\"started\"") }) + 1
        SessionLimitsTests.refused(text, line: line, containing: "nested more than 512 deep")
    }

    /// `at` and the other times are read without strtod when they are short: the same
    /// `Double` as the decoder's, digit for digit.
    @Test func shortDecimalsReadAsTheDecoderReadsThem() throws {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var fastPathRead = 0
        for _ in 0..<20_000 {
            let digits = 1 + next(15)
            let fraction = next(digits)
            var text = next(4) == 0 ? "-" : ""
            let whole = digits - fraction
            text += String(1 + next(9)) + (1..<whole).map { _ in String(next(10)) }.joined()
            if fraction > 0 { text += "." + (0..<fraction).map { _ in String(next(10)) }.joined() }
            let expected = try JSONDecoder().decode(Double.self, from: Data(text.utf8))
            let read = Array(text.utf8).withUnsafeBufferPointer { JSONScan.Scanner.shortDecimal($0[...]) }
            #expect(read?.bitPattern == expected.bitPattern, "\(text)")
            if read != nil { fastPathRead += 1 }
        }
        #expect(fastPathRead == 20_000)
        for short in ["0", "-0", "0.5", "-0.001", "2831.333"] {
            let expected = try JSONDecoder().decode(Double.self, from: Data(short.utf8))
            let read = Array(short.utf8).withUnsafeBufferPointer { JSONScan.Scanner.shortDecimal($0[...]) }
            #expect(read?.bitPattern == expected.bitPattern, "\(short)")
        }
        for long in ["1234567890123456", "0.1234567890123456", "1e5", "1.5E-3"] {
            #expect(Array(long.utf8).withUnsafeBufferPointer { JSONScan.Scanner.shortDecimal($0[...]) } == nil, "\(long)")
        }
    }
}

/// JSONScan passes over plain text eight bytes at a time: a byte that needs a look is
/// found wherever it falls in those eight.
@Suite struct JSONScanStringTests {
    @Test func everyPlaceInAWordIsLookedAt() {
        for place in 0..<24 {
            let before = Array(repeating: UInt8(ascii: "a"), count: place), after = Array(repeating: UInt8(ascii: "b"), count: 20)
            func scanned(_ middle: [UInt8]) -> JSONScan.Problem? {
                JSONScan.check(Data([UInt8(ascii: "["), UInt8(ascii: "\"")] + before + middle + after + [UInt8(ascii: "\""), UInt8(ascii: "]")]))
            }
            let at = 2 + place
            #expect(scanned([0x09])?.offset == at, "a tab at \(place)")
            #expect(scanned([0xC3, 0x28])?.offset == at, "not UTF-8 at \(place)")
            #expect(scanned([0xC3, 0xA9]) == nil, "é at \(place)")
            #expect(scanned([UInt8(ascii: "\\"), UInt8(ascii: "q")])?.offset == at, "an unknown escape at \(place)")
            #expect(scanned([UInt8(ascii: "\\"), UInt8(ascii: "\"")]) == nil, "an escaped quote at \(place)")
            #expect(scanned([UInt8(ascii: "\""), UInt8(ascii: "\"")])?.message.contains("expected ','") == true, "a quote at \(place)")
        }
    }
}
