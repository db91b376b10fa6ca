import Foundation

/// Group commit: change sets and intents that arrive while another commit
/// is syncing are written together, each in its own savepoint, and made
/// durable by one sync.
///
/// Every caller still returns only once its own writes are on disk, and a
/// request that fails rolls back only its own savepoint, so the guarantees
/// are those of one transaction per request — but the applier's parallel
/// workers share syncs instead of queueing for one each. With 10,000
/// creates, two syncs per create (intent, then result) were most of the
/// apply's time.
extension SQLiteStateBackend {
    enum GroupRequest {
        case changes(ChangeSet, clearing: [IntentKey])
        case intent(ApplyIntent)
    }

    /// One waiting request and, once written, its result.
    final class GroupSlot: @unchecked Sendable {
        // `result` is written by the leader before `done.signal()` and read
        // by the waiter after `done.wait()`: the semaphore orders them.
        let request: GroupRequest
        let done = DispatchSemaphore(value: 0)
        var result: Result<Int, any Error> = .success(0)

        init(_ request: GroupRequest) {
            self.request = request
        }
    }

    /// Queues `request`; the first caller to find no commit in progress
    /// becomes the leader and writes every queued request until none is
    /// left. Returns the serial after the request (for change sets).
    func groupCommit(_ request: GroupRequest) throws -> Int {
        let slot = GroupSlot(request)
        groupLock.lock()
        groupPending.append(slot)
        let leads = !groupLeaderActive
        if leads { groupLeaderActive = true }
        groupLock.unlock()
        if leads { leadGroupCommits() }
        slot.done.wait()
        return try slot.result.get()
    }

    private func leadGroupCommits() {
        while true {
            groupLock.lock()
            let batch = groupPending
            groupPending = []
            if batch.isEmpty {
                groupLeaderActive = false
                groupLock.unlock()
                return
            }
            groupLock.unlock()
            write(batch)
            for slot in batch { slot.done.signal() }
        }
    }

    /// Writes a batch in one transaction, each request in a savepoint.
    private func write(_ batch: [GroupSlot]) {
        mutex.lock()
        defer { mutex.unlock() }
        do {
            try db.transaction {
                for slot in batch {
                    do {
                        switch slot.request {
                        case .changes(let changes, let intents):
                            slot.result = .success(try applyChanges(changes, clearingIntents: intents))
                        case .intent(let intent):
                            try insertIntent(intent)
                            slot.result = .success(0)
                        }
                    } catch {
                        slot.result = .failure(error)
                    }
                }
            }
        } catch {
            // The commit itself failed: nothing of the batch is recorded.
            for slot in batch { slot.result = .failure(error) }
        }
    }
}
