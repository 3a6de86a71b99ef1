#pragma once

// Mutations of JSON documents for robustness tests: one element at a time replaced.

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

#include <functional>

namespace nara::forms::test {

// Every variant of `value` with one element (at any depth) replaced by `replacement`.
inline void eachMutation(const QJsonValue &value, const QJsonValue &replacement,
                         const std::function<void(const QJsonValue &)> &visit)
{
    visit(replacement);
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            eachMutation(it.value(), replacement, [&](const QJsonValue &mutated) {
                QJsonObject copy = object;
                copy.insert(it.key(), mutated);
                visit(copy);
            });
        }
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            eachMutation(array.at(i), replacement, [&](const QJsonValue &mutated) {
                QJsonArray copy = array;
                copy.replace(i, mutated);
                visit(copy);
            });
        }
    }
}

} // namespace nara::forms::test
