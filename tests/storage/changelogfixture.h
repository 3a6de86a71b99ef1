#pragma once

// The repository fixture with the change-log helpers the change-log tests share: committed appends
// and the fixed nine-entry log of the visibility and compaction tests.
#include "repositoryfixture.h"
#include "storage/core/transactionguard.h"
#include "sync/core/changelog.h"

#include <QJsonArray>
#include <QJsonObject>

namespace nara::test {

class ChangeLogFixture : public RepositoryFixture
{
protected:
    using SeqList = QList<qint64>;

    static SeqList seqsOf(const QJsonArray &changes)
    {
        SeqList seqs;
        for (const QJsonValue &change : changes)
            seqs.append(change.toObject().value(u"seq").toInteger());
        return seqs;
    }

    // Appends in a committed transaction of its own; returns the sequence number (0 on failure).
    qint64 append(const QString &unit, const QString &entity, const QString &id, int version, const QString &staff = {})
    {
        auto transaction = storage::TransactionGuard::begin(*m_db);
        if (!transaction) {
            qWarning() << "begin:" << transaction.error().message;
            return 0;
        }
        m_clock.advanceMs(1);
        const QJsonObject payload{
            {QStringLiteral("id"), id},
            {QStringLiteral("version"), version},
            {QStringLiteral("title"), QStringLiteral("Ärende %1 – åäö v%2").arg(id).arg(version)}};
        auto seq = sync::ChangeLog(*m_db).append(unit, entity, id, payload, m_clock.nowMs(), staff);
        if (!seq) {
            qWarning() << "append:" << describe(seq.error());
            return 0;
        }
        if (auto committed = transaction->commit(); !committed) {
            qWarning() << "commit:" << committed.error().message;
            return 0;
        }
        return *seq;
    }

    // The fixed log of the visibility and compaction tests: nine entries, numbered in the comments below.
    bool appendFixture()
    {
        m_seq = {0};
        m_seq << append(u"u-a"_qs, u"inbox_item"_qs, u"i1"_qs, 1); // 1
        m_seq << append(u"u-a"_qs, u"inbox_item"_qs, u"i1"_qs, 2); // 2
        m_seq << append(u"u-b"_qs, u"inbox_item"_qs, u"i2"_qs, 1); // 3
        m_seq << append(u"u-a"_qs, u"inbox_read"_qs, u"i1"_qs, 1, u"s1"_qs); // 4 (Sara's read mark)
        m_seq << append(u"u-a"_qs, u"inbox_read"_qs, u"i1"_qs, 1, u"s2"_qs); // 5 (Sven's)
        m_seq << append(u"u-a"_qs, u"inbox_read"_qs, u"i1"_qs, 2, u"s1"_qs); // 6
        m_seq << append(u"u-a"_qs, u"inbox_item"_qs, u"i1"_qs, 3); // 7
        m_seq << append(u"u-b"_qs, u"inbox_item"_qs, u"i2"_qs, 2); // 8
        m_seq << append(u"u-a"_qs, u"chat_message"_qs, u"m1"_qs, 1); // 9
        for (qsizetype i = 1; i < m_seq.size(); ++i) {
            if (m_seq.at(i) <= m_seq.at(i - 1))
                return false;
        }
        return true;
    }

    SeqList m_seq; // m_seq[n] is the sequence number of fixture entry n (1-based; m_seq[0] unused)
};

} // namespace nara::test
