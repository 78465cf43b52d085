"""A throwaway app that declares one metric, to show the contract: discovered, checked, computed, drilled into and
recomputed when its watched model changes, with no edit in the indicators app."""
