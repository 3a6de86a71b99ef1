#include "referrals/core/referralrepository.h"

#include "sync/core/changelog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace nara::referrals {

namespace {

const QString kColumns = QStringLiteral(
    "id, version, item_id, sender_item_id, patient_id, from_unit_id, to_unit_id, sent_by, sent_by_name, sent_at, "
    "priority, question, history_json, body_site_code, body_site_display, state, due_at, info_requests_json, "
    "answer_json, acknowledged_by, acknowledged_by_name, acknowledged_at");

QVariant nullable(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

QVariant nullable(qint64 value)
{
    return value == 0 ? QVariant(QMetaType::fromType<qint64>()) : QVariant(value);
}

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString compact(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QString infoRequestsJson(const Referral &referral)
{
    QJsonArray list;
    for (const InfoRequest &request : referral.infoRequests)
        list.append(request.toJson());
    return compact(list);
}

QVariantList values(const Referral &r)
{
    return {r.id,
            r.version,
            r.itemId,
            nullable(r.senderItemId),
            r.patientId,
            r.fromUnitId,
            r.toUnitId,
            r.sentBy,
            r.sentByName,
            r.sentAt,
            toString(r.priority),
            r.question,
            compact(r.history.toJson()),
            r.bodySite.code,
            r.bodySite.display,
            toString(r.state),
            r.dueAt,
            infoRequestsJson(r),
            r.answer ? QVariant(compact(r.answer->toJson())) : QVariant(QMetaType::fromType<QString>()),
            nullable(r.acknowledgedBy),
            nullable(r.acknowledgedByName),
            nullable(r.acknowledgedAt)};
}

// The stored JSON columns are what toJson() wrote: read them back through the entity's reader, so
// the one definition of the shape is Referral::fromJson.
Result<Referral> fromRow(const QSqlQuery &row)
{
    const auto json = [&row](int column) {
        return QJsonDocument::fromJson(row.value(column).toString().toUtf8());
    };
    QJsonObject entity{
        {QStringLiteral("id"), row.value(0).toString()},
        {QStringLiteral("version"), row.value(1).toLongLong()},
        {QStringLiteral("itemId"), row.value(2).toString()},
        {QStringLiteral("senderItemId"), row.value(3).toString()},
        {QStringLiteral("patientId"), row.value(4).toString()},
        {QStringLiteral("fromUnitId"), row.value(5).toString()},
        {QStringLiteral("toUnitId"), row.value(6).toString()},
        {QStringLiteral("sentBy"), row.value(7).toString()},
        {QStringLiteral("sentByName"), row.value(8).toString()},
        {QStringLiteral("sentAt"), row.value(9).toLongLong()},
        {QStringLiteral("priority"), row.value(10).toString()},
        {QStringLiteral("question"), row.value(11).toString()},
        {QStringLiteral("history"), json(12).object()},
        {QStringLiteral("bodySite"),
         QJsonObject{{QStringLiteral("code"), row.value(13).toString()},
                     {QStringLiteral("display"), row.value(14).toString()}}},
        {QStringLiteral("images"), QJsonArray{}},
        {QStringLiteral("state"), row.value(15).toString()},
        {QStringLiteral("dueAt"), row.value(16).toLongLong()},
        {QStringLiteral("infoRequests"), json(17).array()},
        {QStringLiteral("answer"),
         row.value(18).isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(json(18).object())},
        {QStringLiteral("acknowledgedBy"), row.value(19).toString()},
        {QStringLiteral("acknowledgedByName"), row.value(20).toString()},
        {QStringLiteral("acknowledgedAt"), row.value(21).toLongLong()},
    };
    auto referral = Referral::fromJson(entity);
    if (!referral)
        return fail(ErrorCode::Storage,
                    QStringLiteral("Referral %1 is stored damaged: %2")
                        .arg(entity.value(u"id"_qs).toString(), referral.error().message));
    return referral;
}

} // namespace

Result<void> ReferralRepository::log(const Referral &referral, qint64 at)
{
    const QJsonObject payload = referral.toJson();
    for (const QString &unit : {referral.fromUnitId, referral.toUnitId})
        if (auto seq = sync::ChangeLog(m_database).append(unit, QStringLiteral("referral"), referral.id, payload, at);
            !seq)
            return fail(seq.error());
    return {};
}

Result<void> ReferralRepository::writeImages(const Referral &referral)
{
    if (auto cleared
        = m_database.execute(QStringLiteral("DELETE FROM referral_images WHERE referral_id = ?"), {referral.id});
        !cleared)
        return fail(cleared.error());
    for (qsizetype i = 0; i < referral.images.size(); ++i) {
        const ReferralImage &image = referral.images.at(i);
        auto stored = m_database.execute(
            QStringLiteral("INSERT INTO referral_images (referral_id, ordinal, image_id, image_view, taken_at, "
                           "added_at) VALUES (?, ?, ?, ?, ?, ?)"),
            {referral.id, qint64(i), image.id, image.view, image.takenAt, image.addedAt});
        if (!stored)
            return fail(stored.error());
    }
    return {};
}

Result<QList<ReferralImage>> ReferralRepository::imagesOf(const QString &referralId)
{
    auto rows
        = m_database.query(QStringLiteral("SELECT i.image_id, i.image_view, u.width, u.height, i.taken_at, i.added_at "
                                          "FROM referral_images i JOIN uploaded_images u ON u.id = i.image_id "
                                          "WHERE i.referral_id = ? ORDER BY i.ordinal"),
                           {referralId});
    if (!rows)
        return fail(rows.error());
    QList<ReferralImage> images;
    while (rows->next())
        images.append({rows->value(0).toString(), rows->value(1).toString(), rows->value(2).toInt(),
                       rows->value(3).toInt(), rows->value(4).toLongLong(), rows->value(5).toLongLong()});
    return images;
}

Result<Referral> ReferralRepository::insert(const Referral &referral, qint64 at)
{
    auto stored = m_database.execute(QStringLiteral("INSERT INTO referrals (") + kColumns
                                         + QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                                                          "?, ?, ?, ?, ?, ?)"),
                                     values(referral));
    if (!stored)
        return fail(stored.error());
    if (auto written = writeImages(referral); !written)
        return fail(written.error());
    Referral result = referral;
    auto images = imagesOf(referral.id);
    if (!images)
        return fail(images.error());
    result.images = *images;
    if (auto logged = log(result, at); !logged)
        return fail(logged.error());
    return result;
}

Result<std::optional<Referral>> ReferralRepository::byId(const QString &id)
{
    if (id.isEmpty())
        return std::optional<Referral>{};
    auto rows
        = m_database.query(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM referrals WHERE id = ?"), {id});
    if (!rows)
        return fail(rows.error());
    if (!rows->next())
        return std::optional<Referral>{};
    auto referral = fromRow(*rows);
    if (!referral)
        return fail(referral.error());
    auto images = imagesOf(id);
    if (!images)
        return fail(images.error());
    referral->images = *images;
    return std::optional<Referral>(std::move(*referral));
}

Result<Referral> ReferralRepository::update(const Referral &referral, qint64 at)
{
    Referral next = referral;
    next.version = referral.version + 1;
    auto changed = m_database.execute(
        QStringLiteral("UPDATE referrals SET version = ?, sender_item_id = ?, state = ?, due_at = ?, "
                       "info_requests_json = ?, answer_json = ?, acknowledged_by = ?, acknowledged_by_name = ?, "
                       "acknowledged_at = ? WHERE id = ? AND version = ?"),
        {next.version, nullable(next.senderItemId), toString(next.state), next.dueAt, infoRequestsJson(next),
         next.answer ? QVariant(compact(next.answer->toJson())) : QVariant(QMetaType::fromType<QString>()),
         nullable(next.acknowledgedBy), nullable(next.acknowledgedByName), nullable(next.acknowledgedAt), next.id,
         referral.version});
    if (!changed)
        return fail(changed.error());
    if (*changed != 1)
        return fail(Error::conflict(QStringLiteral("The referral changed meanwhile; load it again.")));
    if (auto written = writeImages(next); !written)
        return fail(written.error());
    auto images = imagesOf(next.id);
    if (!images)
        return fail(images.error());
    next.images = *images;
    if (auto logged = log(next, at); !logged)
        return fail(logged.error());
    return next;
}

} // namespace nara::referrals
