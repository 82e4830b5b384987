"""Stories: sort a pile of articles into the events they report, and check each one.

    articles ──extract──▶ claims ──signature──▶ Signature ──cluster──▶ stories
    story ──compare──▶ Report                    (executor: local processes or Dask)

Clustering is pure (``signature``, ``weights``, ``blocking``, ``decide``, ``cluster``);
``inputs`` reads the pile, ``executor`` does the maps, ``run`` composes them.
"""
