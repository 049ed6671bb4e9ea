"""Given names and family names by origin, for synthetic people.

Common names of each origin as used by families in England, combined at random: any
match with a real person is coincidence. Each entry is (boys, girls, family names).
"""

Origin = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]


def _split(text: str) -> tuple[str, ...]:
    return tuple(text.split())


NAMES: dict[str, Origin] = {
    "british": (
        _split(
            "Oliver George Harry Jack Noah Leo Arthur Oscar Charlie Freddie Alfie Theo Archie "
            "Henry Thomas Joshua William James Isaac Jacob Lucas Max Ethan Riley Mason Harrison "
            "Tyler Logan Jayden Kai Dylan Callum Reece Liam Connor Kyle Lewis Jake Ryan Daniel "
            "Samuel Alexander Finley Toby Reggie Ronnie Teddy Albie Tommy Elliot Louie Harley "
            "Bobby Frankie Ollie Jamie Ben Luke Sam Joseph Matthew"
        ),
        _split(
            "Olivia Amelia Isla Ava Ivy Freya Lily Florence Mia Willow Rosie Sophia Isabella "
            "Grace Evie Poppy Daisy Ella Sienna Phoebe Millie Harper Ruby Evelyn Emily Jessica "
            "Chloe Megan Lauren Charlotte Holly Bethany Courtney Jade Leah Paige Kayleigh Amber "
            "Hannah Lucy Maisie Lola Matilda Elsie Esme Luna Aria Layla Scarlett Alice Imogen "
            "Summer Skye Darcie Brooke Katie Abigail Niamh"
        ),
        _split(
            "Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas Johnson Roberts "
            "Robinson Thompson Wright Walker White Edwards Hughes Green Hall Lewis Harris Clarke "
            "Jackson Wood Turner Martin Cooper Hill Ward Morris Moore Clark Lee King Baker "
            "Harrison Morgan Allen James Scott Phillips Watson Davis Parker Price Bennett Young "
            "Griffiths Mitchell Kelly Cook Carter Richardson Bailey Collins Bell Shaw Murphy "
            "Miller Cox Richards Marshall Anderson Simpson Ellis Adams Wilkinson "
            "Foster Chapman Powell Webb Rogers Gray Mason Hunt Campbell Matthews "
            "Owen Palmer Holmes Mills Barnes Knight Lloyd Butler Russell Barker Fisher Stevens "
            "Jenkins Dixon Fletcher Pearce Cole Sheppard Tucker Gibbs Vowles Hooper Pople "
            "Bryant Gregory Hembrow Sweet Coles Chard Perrett Lovell Cottle Hucker"
        ),
    ),
    "irish": (
        _split(
            "Sean Patrick Cian Oisin Conor Darragh Fionn Padraig Ciaran Eoin Declan Ronan "
            "Tadhg Cormac Niall Aidan Kieran Colm Rory Liam Michael John Martin Francis"
        ),
        _split(
            "Aoife Saoirse Niamh Ciara Siobhan Caoimhe Roisin Orla Sinead Grainne Clodagh "
            "Aisling Mairead Eimear Bridget Kathleen Mary Margaret Nora Shannon Erin Teagan"
        ),
        _split(
            "Murphy Kelly O'Sullivan Walsh O'Brien Byrne Ryan O'Connor O'Neill O'Reilly Doyle "
            "McCarthy Gallagher O'Doherty Kennedy Lynch Murray Quinn Moore McLoughlin "
            "Carroll Connolly Daly Connors Ward McDonagh Maughan Joyce Delaney Keane Brennan"
        ),
    ),
    "polish": (
        _split(
            "Jakub Kacper Szymon Filip Jan Antoni Mikołaj Wojciech Adam Michał Bartosz "
            "Mateusz Piotr Łukasz Dawid Tomasz Krzysztof Paweł Marcin Aleksander Igor Oskar"
        ),
        _split(
            "Zuzanna Julia Maja Zofia Hanna Lena Alicja Maria Amelia Oliwia Wiktoria Natalia "
            "Aleksandra Agnieszka Katarzyna Magdalena Joanna Karolina Martyna Weronika Nikola"
        ),
        _split(
            "Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński "
            "Szymański Woźniak Dąbrowski Kozłowski Jankowski Mazur Kwiatkowski Krawczyk "
            "Piotrowski Grabowski Nowakowski Pawłowski Michalski Nowicki Adamczyk Dudek "
            "Zając Wieczorek Jabłoński Król Majewski Olszewski"
        ),
    ),
    "romanian": (
        _split(
            "Andrei Alexandru David Gabriel Stefan Ionut Mihai Darius Luca Matei Cristian "
            "Florin Adrian Marius Bogdan Vasile Nicolae Razvan Sebastian Denis Robert"
        ),
        _split(
            "Maria Ioana Elena Andreea Alexandra Sofia Ana Bianca Daria Antonia Gabriela "
            "Larisa Denisa Alina Roxana Mihaela Florentina Cristina Raluca Anastasia Ilinca"
        ),
        _split(
            "Popescu Ionescu Popa Pop Radu Dumitru Stan Stoica Gheorghe Matei Ciobanu Rusu "
            "Munteanu Constantin Florea Mihai Lungu Dinu Marin Tudor Lazar Moldovan Sandu "
            "Nistor Balan Dobre Zamfir Ilie Toma Covaci"
        ),
    ),
    "indian": (
        _split(
            "Arjun Aarav Rohan Vihaan Krish Dev Ishaan Aryan Rahul Sanjay Harjit Gurpreet "
            "Manpreet Jaspreet Amar Vikram Nikhil Ravi Rajesh Sunil Anish Kabir"
        ),
        _split(
            "Priya Anaya Diya Aanya Isha Riya Saanvi Meera Kiran Simran Harleen Jasleen "
            "Navdeep Pooja Neha Anjali Sunita Kavita Nisha Deepa Shreya Tara"
        ),
        _split(
            "Patel Sharma Singh Kaur Kumar Shah Gill Sandhu Sidhu Mistry Joshi Gupta Mehta "
            "Desai Rao Reddy Nair Pillai Chopra Bhatt Parmar Chauhan Dhillon Bains"
        ),
    ),
    "pakistani": (
        _split(
            "Muhammad Ibrahim Yusuf Ali Hamza Zayn Ayaan Haris Bilal Omar Hassan Imran Adnan "
            "Faisal Usman Zain Rehan Kashif Tariq Asif Shahid Abdullah"
        ),
        _split(
            "Aisha Fatima Maryam Zara Hafsa Khadija Amina Mariam Sana Ayesha Noor Hira Iqra "
            "Alisha Anaya Samina Shazia Nadia Rubina Saima Zainab Inaya"
        ),
        _split(
            "Khan Hussain Ahmed Ali Iqbal Akhtar Mahmood Rashid Butt Malik Qureshi Shah "
            "Aslam Raza Chaudhry Bibi Sadiq Javed Nawaz Hanif Latif Mirza Anwar Saleem"
        ),
    ),
    "bangladeshi": (
        _split(
            "Abdul Mohammed Rahim Karim Sakib Tanvir Rafiq Jamal Shamim Nazrul Anwar Habib "
            "Arif Sohel Rubel Mizan Faruk Raihan Ayaan Ishaq"
        ),
        _split(
            "Shapla Nasima Salma Rumana Shirin Tahmina Nazia Sumaiya Fahima Jannat Sadia "
            "Tasnim Halima Rokeya Nusrat Farzana Ruksana Anika Raisa Mahira"
        ),
        _split(
            "Begum Uddin Miah Rahman Islam Hoque Ahmed Chowdhury Hossain Alam Khatun Ullah "
            "Sarkar Talukder Bhuiyan Karim Haque Mollah Sikder Akter"
        ),
    ),
    "west_african": (
        _split(
            "Chidi Emeka Obinna Tunde Femi Kwame Kofi Kwabena Yaw Oluwaseun Ayodele Chinedu "
            "Ikenna Nnamdi David Daniel Samuel Emmanuel Joshua Michael Tobi Jayden"
        ),
        _split(
            "Adaeze Chioma Ngozi Amara Abena Akosua Ama Efua Folake Funmilayo Temitope "
            "Oluwatoyin Blessing Precious Favour Grace Esther Deborah Ruth Zara Adwoa"
        ),
        _split(
            "Okafor Okoro Adeyemi Adebayo Okonkwo Eze Nwosu Obi Balogun Oyelaran Mensah Asante "
            "Boateng Owusu Appiah Osei Agyeman Darko Ofori Addo Ogunleye Olatunji Afolabi "
            "Chukwu Ibrahim Bello Sesay Kamara Conteh Bangura"
        ),
    ),
    "somali": (
        _split(
            "Abdirahman Mohamed Ahmed Abdullahi Hassan Yusuf Ismail Omar Abdi Hamza Ayanle "
            "Liban Farah Guled Mustafa Bashir Idris Khalid Sharmarke Warsame"
        ),
        _split(
            "Hodan Amina Fadumo Hawa Sagal Khadra Ayan Ifrah Ilhan Muna Nimco Sahra Hibo "
            "Asha Deka Faiza Ladan Maryan Ubah Sumaya"
        ),
        _split(
            "Mohamed Ahmed Ali Hassan Abdi Farah Osman Yusuf Warsame Jama Aden Hussein "
            "Ismail Omar Abdullahi Nur Egal Duale Hersi Samatar"
        ),
    ),
    "caribbean": (
        _split(
            "Jermaine Tyrone Marcus Andre Dwayne Leon Kareem Jordan Malachi Isaiah Elijah "
            "Nathaniel Josiah Darnell Devon Kemar Shane Trevor Delroy Winston Ezra Tyrell"
        ),
        _split(
            "Shanice Tanisha Keisha Aaliyah Jada Kiara Latoya Nia Imani Amani Shantelle "
            "Chantelle Tia Janelle Marcia Sharon Beverley Yvonne Maya Nevaeh Zuri Kayla"
        ),
        _split(
            "Campbell Brown Williams Thompson Johnson Robinson Francis Gordon Grant Morgan "
            "Clarke Henry Reid Bailey Powell Lewis Edwards Wright Stewart Hylton Forbes "
            "Samuels Bennett Chambers Spencer Gayle Blake Richards Walters Graham"
        ),
    ),
    "chinese": (
        _split(
            "Wei Jun Hao Ming Jie Yang Chen Lei Tao Kai Bo Yu Zhi Jian Long Hong Kevin "
            "Jason Ethan Ryan Lucas Andy"
        ),
        _split(
            "Mei Ling Xin Yan Hui Jing Li Na Fang Ying Xiao Lan Qing Yue Jasmine Joy Grace "
            "Chloe Emily Vivian Angela Amy"
        ),
        _split(
            "Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo Lin He Gao "
            "Luo Cheung Wong Chan Lam Leung Ng Ho Tang Yip Lau"
        ),
    ),
    "arabic": (
        _split(
            "Ahmad Mohammed Omar Ali Khaled Youssef Karim Tariq Samir Rami Hassan Bilal Adam "
            "Zaid Ibrahim Nabil Fadi Walid Sami Hadi Amir"
        ),
        _split(
            "Layla Fatima Mariam Noor Yasmin Rania Huda Amal Salma Dina Rana Hala Sara Lina "
            "Jana Hiba Reem Aya Leen Maha Zeina"
        ),
        _split(
            "Al-Sayed Haddad Khalil Nasser Mansour Saleh Hamdan Darwish Aziz Ibrahim Hamid "
            "Abdallah Youssef Jaber Farouk Othman Rahman Habib Kassem Barakat Shami Masri"
        ),
    ),
    "filipino": (
        _split(
            "Jose Mark John Paolo Miguel Carlo Angelo Rafael Joshua Christian Gabriel Adrian "
            "Nathan Ethan Jericho Kyle Jomar"
        ),
        _split(
            "Maria Angel Princess Kristine Jasmine Camille Nicole Andrea Patricia Joy Althea "
            "Bea Clarisse Danica Ella Hazel Janine"
        ),
        _split(
            "Santos Reyes Cruz Bautista Garcia Mendoza Ramos Villanueva Aquino Castillo "
            "Gonzales Flores Torres Rivera Navarro Dizon Manalo"
        ),
    ),
}

# DfE ethnicity code, weight (per cent of families), the origin of each parent's names.
# Roughly the area's profile (2021 census, North Somerset) with the somewhat more diverse
# mix seen in children's services contacts.
ETHNICITY_PROFILE: list[tuple[str, float, tuple[str, str]]] = [
    ("WBRI", 83.0, ("british", "british")),
    ("WIRI", 0.7, ("irish", "irish")),
    ("WIRT", 0.4, ("irish", "irish")),
    ("WOTH", 2.4, ("polish", "polish")),
    ("WOTH", 1.6, ("romanian", "romanian")),
    ("WROM", 0.5, ("romanian", "romanian")),
    ("MWBC", 1.6, ("british", "caribbean")),
    ("MWBA", 0.9, ("british", "west_african")),
    ("MWAS", 1.0, ("british", "pakistani")),
    ("MOTH", 0.9, ("british", "arabic")),
    ("AIND", 0.7, ("indian", "indian")),
    ("APKN", 0.5, ("pakistani", "pakistani")),
    ("ABAN", 0.3, ("bangladeshi", "bangladeshi")),
    ("AOTH", 0.4, ("filipino", "filipino")),
    ("BCRB", 0.4, ("caribbean", "caribbean")),
    ("BAFR", 0.7, ("west_african", "west_african")),
    ("BAFR", 0.3, ("somali", "somali")),
    ("BOTH", 0.2, ("west_african", "caribbean")),
    ("CHNE", 0.4, ("chinese", "chinese")),
    ("OOTH", 0.8, ("arabic", "arabic")),
    ("NOBT", 1.5, ("british", "british")),
    ("REFU", 0.2, ("british", "british")),
]

# Staff names for the seeded workforce (any origin).
STAFF_ORIGINS = ("british", "british", "british", "irish", "polish", "indian", "caribbean")
