// The referral pane's image fetching: seeded images shown without a request, one request per image
// at a time with the session's token, refusals said, damaged bytes refused.

#include "../sync/fakeapiserver.h"
#include "referrals/core/samplephotos.h"
#include "workstation/ui/referralimageloader.h"

#include <QSignalSpy>
#include <QTest>

using namespace nara;
using namespace nara::test;
using namespace nara::workstation;
using namespace Qt::StringLiterals;

class TestReferralImageLoader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void seededImagesNeedNoRequest()
    {
        FakeServer server;
        ReferralImageLoader loader(server.url(), u"tok"_s);
        QSignalSpy loaded(&loader, &ReferralImageLoader::loaded);
        const QByteArray jpeg = referrals::drawSampleLesionPhoto(5, true);
        loader.seed(u"abc"_s, jpeg, QByteArray());
        loader.fetch(u"abc"_s, false);
        QCOMPARE(loaded.size(), 1);
        QCOMPARE(loaded.first().at(2).value<QImage>().size(), QSize(1600, 1200));
        QCOMPARE(loader.requestsSent(), 0);
        QCOMPARE(server.requests.size(), 0);
    }

    void fetchesOncePerImageWithTheToken()
    {
        FakeServer server;
        const QByteArray jpeg = referrals::drawSampleLesionPhoto(6, false);
        server.handler = [jpeg](const FakeServer::Request &) {
            FakeServer::Response response{200, jpeg};
            response.contentType = "image/jpeg";
            return response;
        };
        ReferralImageLoader loader(server.url(), u"tok"_s);
        QSignalSpy loaded(&loader, &ReferralImageLoader::loaded);
        loader.fetch(u"abc"_s, true);
        loader.fetch(u"abc"_s, true); // asked again while the first is on its way
        QTRY_COMPARE(loaded.size(), 1);
        QCOMPARE(server.requests.size(), 1);
        QCOMPARE(server.requests.first().target, QByteArray("/api/v1/images/abc/thumbnail"));
        QCOMPARE(server.requests.first().headers.value("authorization"), QByteArray("Bearer tok"));
        QCOMPARE(loaded.first().at(1).toBool(), true);
        loader.fetch(u"abc"_s, true); // from memory now
        QCOMPARE(loaded.size(), 2);
        QCOMPARE(server.requests.size(), 1);
    }

    void refusalsAndDamageAreSaid()
    {
        FakeServer server;
        server.handler = [](const FakeServer::Request &request) {
            if (request.target.endsWith("/gone"))
                return FakeServer::Response{404, R"({"title":"Not found"})", "application/problem+json"};
            FakeServer::Response response{200, "not a picture"};
            response.contentType = "image/jpeg";
            return response;
        };
        ReferralImageLoader loader(server.url(), u"tok"_s);
        QSignalSpy failed(&loader, &ReferralImageLoader::failed);
        loader.fetch(u"gone"_s, false);
        QTRY_COMPARE(failed.size(), 1);
        QVERIFY(failed.first().at(2).toString().contains(u"not there"_s));
        loader.fetch(u"damaged"_s, false);
        QTRY_COMPARE(failed.size(), 2);
        QVERIFY(failed.last().at(2).toString().contains(u"damaged"_s));

        ReferralImageLoader offline({}, {});
        QSignalSpy said(&offline, &ReferralImageLoader::failed);
        offline.fetch(u"abc"_s, false);
        QCOMPARE(said.size(), 1);
    }
};

QTEST_MAIN(TestReferralImageLoader)
#include "tst_referralimageloader.moc"
