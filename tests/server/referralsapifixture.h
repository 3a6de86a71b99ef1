#pragma once

// What the referral scenario tests (tst_api_referrals*.cpp) share: a real nara-server with the demo
// region plus a second care centre with a GP (gunnar, Vårdcentralen Ljungby) and a second
// dermatology clinic with a dermatologist (hedda, Hudkliniken Lund), written into the server's
// database before anyone logs in; images built in the test and uploaded; a referral body.
//   erik (gp) and anna (nurse): Vårdcentralen Falkenberg, the sender
//   omar (dermatologist): Hudmottagningen Växjö (unit-derm), the receiver
#include "../referrals/testimages.h"
#include "apifixture.h"
#include "serverdatabase.h"

#include <QCryptographicHash>

namespace nara::test {

inline const QString kDerm = QStringLiteral("unit-derm");
inline const QString kLeftForearm = QStringLiteral("14975008:272741003=7771000"); // "Vänster underarm"

inline QByteArray sha256Hex(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

// A JPEG of coloured quadrants; `seed` shifts the colours so every image differs.
inline QByteArray sampleJpeg(int seed, int width = 400, int height = 300)
{
    QImage image = quadrants(width, height);
    image.setPixel(seed % width, 0, qRgb(seed % 256, 17, 99));
    return encode(image, "jpeg");
}

class ReferralsApi
{
public:
    // Starts the server, adds the second care centre and clinic, logs everyone in, picks a patient
    // of Falkenberg only. False (with the reason in `failure`) when something is missing.
    bool start()
    {
        if (!m_server.start())
            return why(QString::fromUtf8(m_server.output()));
        db = std::make_unique<ServerDatabase>(m_server.dataDir());
        if (!db->isOpen())
            return why(db->errorText());
        const QStringList statements{
            u"INSERT INTO care_units (id, name, kind, region) VALUES ('unit-ljungby', 'Vårdcentralen Ljungby', "
            "'care_centre', 'Region Kronoberg')"_qs,
            u"INSERT INTO care_units (id, name, kind, region) VALUES ('unit-derm-lund', 'Hudkliniken Lund', "
            "'dermatology', 'Region Skåne')"_qs,
            u"INSERT INTO staff (id, username, display_name, role, password_hash, active) SELECT 'staff-gunnar', "
            "'gunnar', 'Gunnar Ek', 'gp', password_hash, 1 FROM staff WHERE username = 'erik'"_qs,
            u"INSERT INTO staff (id, username, display_name, role, password_hash, active) SELECT 'staff-hedda', "
            "'hedda', 'Hedda Lund', 'dermatologist', password_hash, 1 FROM staff WHERE username = 'erik'"_qs,
            u"INSERT INTO staff_units (staff_id, unit_id) VALUES ('staff-gunnar', 'unit-ljungby')"_qs,
            u"INSERT INTO staff_units (staff_id, unit_id) VALUES ('staff-hedda', 'unit-derm-lund')"_qs,
        };
        for (const QString &sql : statements) {
            bool ok = false;
            db->query(sql, {}, &ok);
            if (!ok)
                return why(u"cannot add the test's units and staff: "_qs + sql);
        }
        for (const char *name : {"erik", "anna", "omar", "karin", "gunnar", "hedda"}) {
            const QByteArray token = TestHttp(m_server.url()).login(QString::fromLatin1(name));
            if (token.isEmpty())
                return why(u"cannot log in as "_qs + QString::fromLatin1(name));
            tokens.insert(QString::fromLatin1(name), token);
        }
        patientId = db->value(u"SELECT p.id FROM patients p JOIN care_relations r ON r.patient_id = p.id "
                              "WHERE r.unit_id = 'unit-falkenberg' AND NOT EXISTS (SELECT 1 FROM care_relations o "
                              "WHERE o.patient_id = p.id AND o.unit_id <> 'unit-falkenberg') ORDER BY p.id LIMIT 1"_qs)
                        .toString();
        return !patientId.isEmpty() || why(u"no patient of Falkenberg alone"_qs);
    }

    TestHttp as(const QString &name) const
    {
        TestHttp http(m_server.url());
        http.setToken(tokens.value(name));
        return http;
    }

    HttpReply upload(const QString &name, const QByteArray &bytes, const QByteArray &type = "image/jpeg",
                     const QByteArray &id = {}) const
    {
        const QByteArray path = "/api/v1/images/" + (id.isEmpty() ? sha256Hex(bytes) : id);
        return as(name).send("PUT", QString::fromLatin1(path), bytes, {{"Content-Type", type}});
    }

    // Uploads and answers the image's id (empty when the upload failed).
    QString uploaded(const QString &name, const QByteArray &bytes) const
    {
        const HttpReply reply = upload(name, bytes);
        return reply.status == 201 || reply.status == 200 ? reply.json().value(u"id"_qs).toString() : QString();
    }

    QJsonObject referralBody(const QStringList &imageIds, const QString &priority = QStringLiteral("routine")) const
    {
        QJsonArray images;
        for (qsizetype i = 0; i < imageIds.size(); ++i)
            images.append(QJsonObject{{u"id"_qs, imageIds.at(i)},
                                      {u"view"_qs, i == 0 ? u"overview"_qs : u"close_up"_qs},
                                      {u"takenAt"_qs, 1'790'000'000'000LL}});
        return {{u"patientId"_qs, patientId},
                {u"toUnitId"_qs, kDerm},
                {u"question"_qs, u"Pigmenterad förändring som vuxit på tre månader. Malignitet?"_qs},
                {u"history"_qs,
                 QJsonObject{{u"duration"_qs, u"3 månader"_qs},
                             {u"changedRecently"_qs, true},
                             {u"itchOrBleeding"_qs, false},
                             {u"earlierSkinCancer"_qs, false}}},
                {u"bodySite"_qs, QJsonObject{{u"code"_qs, kLeftForearm}}},
                {u"priority"_qs, priority},
                {u"images"_qs, images}};
    }

    // erik sends a referral of the patient with `count` fresh images; answers it (empty on failure).
    QJsonObject sendReferral(int count = 2, const QString &priority = QStringLiteral("routine"))
    {
        QStringList ids;
        for (int i = 0; i < count; ++i)
            ids.append(uploaded(u"erik"_qs, sampleJpeg(++m_images)));
        const HttpReply sent = as(u"erik"_qs).postJson(u"/api/v1/referrals"_qs, referralBody(ids, priority));
        return sent.status == 201 ? sent.json() : QJsonObject{};
    }

    // POST /api/v1/referrals/<id>/<action> as `name`.
    HttpReply act(const QString &name, const QString &referralId, const QString &action, const QJsonObject &body) const
    {
        return as(name).postJson(u"/api/v1/referrals/"_qs + referralId + u'/' + action, body);
    }

    qint64 count(const QString &sql, const QVariantList &values = {}) const { return db->count(sql, values); }
    int nextImageSeed() { return ++m_images; }
    const ServerProcess &server() const { return m_server; }
    void stop() { m_server.terminate(); }

    std::unique_ptr<ServerDatabase> db;
    QHash<QString, QByteArray> tokens;
    QString patientId;
    QString failure;

private:
    bool why(const QString &reason)
    {
        failure = reason;
        return false;
    }

    ServerProcess m_server{{QStringLiteral("--demo")}};
    int m_images = 0;
};

// The newest state of one entity in a list of changes (empty if it is not there).
inline QJsonObject newest(const QList<QJsonObject> &changes, const QString &name, const QString &entityId)
{
    QJsonObject found;
    for (const QJsonObject &change : changes)
        if (change.value(u"entity"_qs).toString() == name && change.value(u"id"_qs).toString() == entityId)
            found = change.value(u"data"_qs).toObject();
    return found;
}

} // namespace nara::test
