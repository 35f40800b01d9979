#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InterviewCore
import InterviewStore

/// The last save, once the screen has closed: tried, tried again while the disk refuses
/// (the screen says so between tries), then written elsewhere.
public enum LastSave: Hashable, Sendable {
    /// Tried `tries` times and refused; the next try at `next` (session clock).
    case retrying(tries: Int, next: Double)
    case done(LiveProgram.Saved)
}

extension LiveProgram {
    /// Where the session is once the screen closes.
    public enum Saved: Hashable, Sendable {
        /// In its own file.
        case saved
        /// Its file could not be written (`reason`); a copy is at `path` instead.
        case rescued(path: String, reason: String)
        /// Nowhere: neither its file nor a rescue copy could be written.
        case lost(reason: String)
        /// A new session whose file could not be made once its first frame was up
        /// (`reason`): the screen ended before reading a key, and nothing was written.
        case unmade(reason: String)
    }

    /// Why a new session's file could not be made: the screen ends before its first key.
    public struct OpenFailure: Error, Hashable, Sendable {
        public var reason: String
        public init(reason: String) { self.reason = reason }
    }

    /// Gives the screen its saver once the first frame is drawn: a new session's file is
    /// made then (`run`, `practice`), so that the first frame waits for no file, folder or lock.
    public typealias Opening = () -> Result<any SessionSaving, OpenFailure>

    /// How often, and how long apart, the last save is tried again before the session is
    /// written elsewhere.
    public static let finalTries = 6, finalPause = 0.5
}

/// Saves the session: on the first frame, after every change, and every `heartbeat`
/// seconds while only the clocks move, so that a resume after `kill -9` loses at most
/// that much of them. Once the screen has closed, the last save: the wall-clock end
/// recorded, the session saved and flushed, tried again `finalTries` times `finalPause`
/// apart while the disk refuses, then handed to `rescue`.
public struct LiveEffects: ScreenEffects {
    public typealias Program = LiveProgram
    public static let heartbeat = 5.0

    /// Given, or opened once the first frame is drawn (`opening`), before the first save and the first key.
    private var saver: (any SessionSaving)?
    let opening: LiveProgram.Opening?
    /// Bookkeeping the first frame does not wait for (`run -o`'s record), done once it is
    /// drawn and before the first key is read; a warning it returns shows on the screen.
    let afterFirstFrame: () -> String?
    let wallClock: () -> Date
    let rescue: (SessionFile) -> String?
    private var savedEvents = -1
    private var lastSave = -Double.infinity

    public init(saver: any SessionSaving, afterFirstFrame: @escaping () -> String? = { nil }, wallClock: @escaping () -> Date = Date.init,
                rescue: @escaping (SessionFile) -> String? = { SessionStore.rescue($0) }) {
        self.init(opening: nil, afterFirstFrame: afterFirstFrame, wallClock: wallClock, rescue: rescue)
        self.saver = saver
    }

    public init(opening: LiveProgram.Opening?, afterFirstFrame: @escaping () -> String? = { nil },
                wallClock: @escaping () -> Date = Date.init, rescue: @escaping (SessionFile) -> String? = { SessionStore.rescue($0) }) {
        self.opening = opening
        self.afterFirstFrame = afterFirstFrame
        self.wallClock = wallClock
        self.rescue = rescue
    }

    public mutating func after(_ state: LiveState, now: Double, firstFrame: Bool) -> [LiveAction] {
        if firstFrame, let opening {
            switch opening() {
            case .success(let opened): saver = opened
            case .failure(let failure): return [.lastSave(.done(.unmade(reason: failure.reason)))]
            }
        }
        guard let saver else { preconditionFailure("the saver is opened with the first frame, before any key") }
        if state.exit != nil { return close(state, now: now) }
        save(state, force: firstFrame)
        let warning = firstFrame ? afterFirstFrame() : nil
        let status = saver.status
        return (status == state.saveStatus ? [] : [.saved(status)]) + (warning.map { [.remind("⚠ " + $0)] } ?? [])
    }

    private mutating func close(_ state: LiveState, now: Double) -> [LiveAction] {
        switch state.lastSave {
        case nil where state.exit == .discarded:
            // Nothing more is written; the caller deletes the file.
            saver?.flush()
            return [.lastSave(.done(.saved))]
        case nil:
            let end = LiveAction.markEnded(wallClock())
            var ended = state
            LiveReducer.reduce(&ended, end, now: now)
            return [end] + trySaving(ended, tries: 0, now: now)
        case .retrying(let tries, let next)?:
            return now < next ? [] : trySaving(state, tries: tries, now: now)
        case .done?:
            return []
        }
    }

    private mutating func trySaving(_ state: LiveState, tries: Int, now: Double) -> [LiveAction] {
        guard let saver else { preconditionFailure("the saver is opened with the first frame, before any key") }
        save(state, force: true)
        saver.flush()
        let status = saver.status
        guard case .failed(let reason) = status else { return [.saved(status), .lastSave(.done(.saved))] }
        if tries < LiveProgram.finalTries {
            return [.saved(status), .remind("⚠ NOT SAVED: \(reason). Trying again…"),
                    .lastSave(.retrying(tries: tries + 1, next: now + LiveProgram.finalPause))]
        }
        let copy = rescue(state.engine.snapshot(at: state.now))
        return [.lastSave(.done(copy.map { .rescued(path: $0, reason: reason) } ?? .lost(reason: reason)))]
    }

    mutating func save(_ state: LiveState, force: Bool) {
        let count = state.engine.file.events.count
        guard let saver, force || count != savedEvents || state.now - lastSave >= Self.heartbeat else { return }
        saver.save(state.engine.snapshot(at: state.now))
        savedEvents = count
        lastSave = state.now
    }
}
