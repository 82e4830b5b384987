"""A small pile of articles written for these tests: three events, two of them shootings
in one city a week apart, an earthquake reported twice, and one article alone."""

from __future__ import annotations

from typing import Any

ARTICLES: list[dict[str, Any]] = [
    {"id": "a1", "outlet": "daytonherald.example", "published": "2021-03-06",
     "title": "Man killed in shooting at Halsted Avenue gas station",
     "text": "Dayton police say Tremaine Whitlock, 24, was shot and killed Friday night at "
             "the Speedway gas station on Halsted Avenue. Officers found Whitlock near pump "
             "four shortly after 11 p.m. A second man, Rashad Kimbrough, 31, was wounded and "
             "taken to Miami Valley Hospital. Investigators are looking for a silver Chrysler "
             "seen leaving the station. Sergeant Lorna Vasquez asked witnesses to call the "
             "homicide unit."},
    {"id": "a2", "outlet": "ohio7news.example", "published": "2021-03-07",
     "title": "Police seek silver Chrysler after Halsted Avenue homicide",
     "text": "A 24-year-old man died after gunfire erupted at a Halsted Avenue gas station "
             "late Friday, Dayton police said. The victim, Tremaine Whitlock, was found near "
             "the pumps. Rashad Kimbrough, 31, was also hit and is recovering at Miami Valley "
             "Hospital. Sergeant Lorna Vasquez said detectives want to find a silver Chrysler "
             "that sped away from the Speedway station."},
    {"id": "a3", "outlet": "daytonherald.example", "published": "2021-04-20",
     "title": "Suspect charged in Halsted Avenue gas station killing",
     "text": "Prosecutors charged Dwayne Okafor, 27, with murder in the death of Tremaine "
             "Whitlock, who was shot at the Speedway gas station on Halsted Avenue on March 5. "
             "Okafor is also accused of wounding Rashad Kimbrough. Police found the silver "
             "Chrysler in a garage, Sergeant Lorna Vasquez said."},
    {"id": "b1", "outlet": "daytonherald.example", "published": "2021-03-13",
     "title": "Woman shot on Brookline Drive in Dayton",
     "text": "Keisha Moreland, 38, was shot in the leg Friday evening outside her home on "
             "Brookline Drive, Dayton police said. Moreland was taken to Grandview Medical "
             "Center and is expected to survive. Neighbors told officers they heard an "
             "argument before the shots. Lieutenant Oscar Feld said no arrest has been made."},
    {"id": "b2", "outlet": "ohio7news.example", "published": "2021-03-14",
     "title": "Brookline Drive shooting leaves woman wounded",
     "text": "Police in Dayton are investigating after Keisha Moreland was wounded by gunfire "
             "outside her Brookline Drive home on Friday evening. Lieutenant Oscar Feld said "
             "Moreland, 38, was treated at Grandview Medical Center. Neighbors reported an "
             "argument shortly before the shooting; no one has been arrested."},
    {"id": "q1", "outlet": "wire.example", "published": "2021-03-09",
     "title": "Magnitude 6.1 earthquake shakes Kermadec Islands",
     "text": "A magnitude 6.1 earthquake struck near the Kermadec Islands on Tuesday, the "
             "geological survey said. The quake was centred 40 kilometres below the seabed. "
             "Tsunami forecasters at the Pacific warning centre said no wave was expected, "
             "and no damage was reported on Raoul Island."},
    {"id": "q2", "outlet": "pacificdaily.example", "published": "2021-03-09",
     "title": "No tsunami after Kermadec Islands quake",
     "text": "The Pacific warning centre ruled out a tsunami after a 6.1-magnitude quake hit "
             "the Kermadec Islands on Tuesday. Staff on Raoul Island felt strong shaking but "
             "reported no damage; the survey put the depth of the quake at 40 kilometres."},
    {"id": "f1", "outlet": "valleytimes.example", "published": "2021-03-11",
     "title": "Warehouse fire closes Route 9 in Millbrook",
     "text": "Firefighters from four towns battled a blaze at a furniture warehouse on Route "
             "9 in Millbrook overnight. Chief Harriet Osei said the roof collapsed around 2 "
             "a.m.; nobody was inside. The road stayed closed until noon."},
]

EVENTS = {"a1": "A", "a2": "A", "a3": "A", "b1": "B", "b2": "B", "q1": "Q", "q2": "Q",
          "f1": "F"}

# the days the extracted claims date each article's event to ("Friday night" in an article
# of Saturday 6 March), and the days a later article names ("on March 5")
EVENT_DAYS = {"a1": "2021-03-05", "a2": "2021-03-05", "b1": "2021-03-12",
              "b2": "2021-03-12", "q1": "2021-03-09", "q2": "2021-03-09"}
MENTIONED_DAYS = {"a3": "2021-03-05"}
