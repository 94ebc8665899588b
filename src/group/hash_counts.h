// HashCounts: a map from 64-bit hashes to non-zero 32-bit values (a count, or an index + 1),
// by open addressing with linear probing. Keys are hashes whose low bits already spread, so the
// slot is the key's low bits. A value of 0 means "absent": a key given a slot by At() must be
// set to non-zero before the next At(). Grows at three quarters full, so a lookup is mostly one
// cache miss where a node-based map costs two.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace crosscheck {

class HashCounts {
 public:
  // Room for `expected` keys without growing.
  explicit HashCounts(size_t expected = 0) {
    if (expected > 0) Resize(CapacityFor(expected));
  }

  // The value of `key`, 0 when absent.
  uint32_t Get(uint64_t key) const { return slots_.empty() ? 0 : slots_[SlotOf(key)].value; }

  // The value of `key` to change; a new key starts at 0 and must be set to non-zero.
  uint32_t& At(uint64_t key) {
    if (4 * (size_ + 1) > 3 * slots_.size()) Resize(slots_.empty() ? 1024 : 2 * slots_.size());
    Slot& slot = slots_[SlotOf(key)];
    if (slot.value == 0) slot.key = key, ++size_;
    return slot.value;
  }

  // Asks for the cache line of `key`'s slot ahead of a Get() or At().
  void Prefetch(uint64_t key) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[key & (slots_.size() - 1)]);
  }

  size_t size() const { return size_; }

 private:
  struct Slot {
    uint64_t key = 0;
    uint32_t value = 0;
  };

  static size_t CapacityFor(size_t keys) {
    size_t capacity = 16;
    while (4 * keys > 3 * capacity) capacity *= 2;
    return capacity;
  }
  // The slot holding `key`, or the empty one where it goes.
  size_t SlotOf(uint64_t key) const {
    const size_t mask = slots_.size() - 1;
    size_t slot = key & mask;
    while (slots_[slot].value != 0 && slots_[slot].key != key) slot = (slot + 1) & mask;
    return slot;
  }
  void Resize(size_t capacity) {
    std::vector<Slot> old = std::exchange(slots_, std::vector<Slot>(capacity));
    for (const Slot& slot : old)
      if (slot.value != 0) slots_[SlotOf(slot.key)] = slot;
  }

  std::vector<Slot> slots_;
  size_t size_ = 0;
};

}  // namespace crosscheck
