import Foundation
import Testing
@testable import InterviewCore
@testable import InterviewReports

/// `stats --since/--until` take days counted back from today as well as dates: what a
/// person types to see last week's sessions.
@Suite struct RelativeDayTests {
    /// 2027-01-20 at 15:30 UTC.
    static let now = Date(timeIntervalSince1970: 1_800_459_000)

    static func day(_ text: String) throws -> String {
        StatsFilter.label(try StatsFilter.day(text, option: "--since", now: now))
    }

    @Test func daysBeforeToday() throws {
        #expect(StatsFilter.label(Self.now) == "2027-01-20")
        #expect(try Self.day("today") == "2027-01-20")
        #expect(try Self.day("yesterday") == "2027-01-19")
        #expect(try Self.day("Yesterday") == "2027-01-19")
        #expect(try Self.day("0d") == "2027-01-20")
        #expect(try Self.day("7d") == "2027-01-13")
        #expect(try Self.day("2w") == "2027-01-06")
        #expect(try Self.day("30d") == "2026-12-21")
        #expect(try Self.day("2027-01-02") == "2027-01-02")
    }

    @Test func theFilterKeepsTheDayTheyName() throws {
        let filter = try StatsFilter(since: "7d", until: "yesterday", now: Self.now)
        #expect(filter.since == "2027-01-13")
        #expect(filter.until == "2027-01-19")
        #expect(throws: InputError.self) { try StatsFilter(since: "today", until: "2w", now: Self.now) }
    }

    @Test func whatIsNotADayNamesWhatIs() {
        for text in ["tomorrow", "7", "d", "-7d", "7 d", "1234567d", "3m"] {
            do throws(InputError) {
                _ = try StatsFilter.day(text, option: "--since", now: Self.now)
                Issue.record("\(text) was taken")
            } catch {
                #expect(error.file == "--since")
                #expect(error.message.contains("yesterday, 7d (days ago), 2w (weeks ago)"), "\(error.message)")
            }
        }
    }
}
